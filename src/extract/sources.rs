//! Sources the text cites: "selon l'Agence Ecofin", "d'après X", "according to Reuters",
//! "Reuters reported", "a rapporté X", "cité par X", "told the BBC".

use super::doc::Doc;
use super::entities::EntityIndex;
use super::quotes::noun_phrase;
use super::types::Label;

const REPORT_VERBS: [&str; 8] =
    ["reported", "reports", "reporte", "rapporte", "rapportent", "rapporté", "rapportait", "reporting"];

pub fn find_sources(doc: &Doc, entities: &EntityIndex) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |s: Option<String>| {
        if let Some(s) = s
            && !out.contains(&s)
            && s.chars().any(char::is_uppercase)
        {
            out.push(s);
        }
    };
    let n = doc.len();
    for k in 0..n {
        let f = doc.folded(k);
        match f {
            "selon" => push(after_article(doc, k + 1, entities)),
            "d'" if doc.folded(k + 1) == "apres" => push(after_article(doc, k + 2, entities)),
            "according" if doc.folded(k + 1) == "to" => push(after_article(doc, k + 2, entities)),
            "citing" => push(after_article(doc, k + 1, entities)),
            "cite" | "citee" | "cites" if doc.folded(k + 1) == "par" => {
                push(after_article(doc, k + 2, entities))
            }
            "told" => {
                // "told the BBC" / "told Reuters": only an organisation counts.
                let s = if doc.folded(k + 1) == "the" { k + 2 } else { k + 1 };
                push(org_at(doc, s, entities));
            }
            _ if REPORT_VERBS.contains(&f) => {
                // "Reuters reported" (entity just before) or "rapporte X" (after).
                if let Some(p) = k.checked_sub(1) {
                    push(org_ending_at(doc, p, entities));
                }
                push(
                    org_at(doc, k + 1, entities).or_else(|| {
                        if doc.is_determiner(k + 1) { org_at(doc, k + 2, entities) } else { None }
                    }),
                );
            }
            _ => {}
        }
    }
    out
}

fn after_article(doc: &Doc, k: usize, entities: &EntityIndex) -> Option<String> {
    let np = noun_phrase(doc, k, entities)?;
    // Strip a leading article from plain noun phrases: "l'Agence Ecofin" → "Agence Ecofin".
    let trimmed =
        ["l'", "l’", "la ", "le ", "les ", "the "].iter().find_map(|a| np.strip_prefix(a)).unwrap_or(&np);
    Some(trimmed.to_string())
}

fn org_at(doc: &Doc, k: usize, entities: &EntityIndex) -> Option<String> {
    let start = doc.tokens.get(k)?.start;
    entities.starting_at(start).map(|(e, _)| e).filter(|e| e.label == Label::Org).map(|e| e.name.clone())
}

fn org_ending_at(doc: &Doc, k: usize, entities: &EntityIndex) -> Option<String> {
    let end = doc.tokens.get(k)?.end;
    entities.ending_at(end).filter(|e| e.label == Label::Org).map(|e| e.name.clone())
}
