//! `byline facts PATH [--json]`: what the extractor finds in each article of a file.

use std::io::{self, Write};

use crate::annotate::anchor::reanchor_all;
use crate::annotate::{Annotation, corrections};
use crate::extract::{Facts, Label, Lang};
use crate::library::Article;
use crate::service::analysis::facts_for;
use crate::service::facts_json::facts_json;
use crate::store::Store;

pub fn print(articles: &[Article], json: bool, lang: Option<Lang>) -> io::Result<()> {
    let mut out = io::stdout().lock();
    // The user's corrections (speakers, roles) from the library database, when there is one.
    let store = super::database_path().ok().filter(|p| p.exists()).and_then(|p| Store::open(&p).ok());
    for (i, article) in articles.iter().enumerate() {
        let mut facts = facts_for(article, lang);
        if let Some(store) = &store {
            apply_corrections(store, article, &mut facts);
        }
        if json {
            writeln!(out, "{}", facts_json(article, &facts))?;
        } else {
            if i > 0 {
                writeln!(out)?;
            }
            write_plain(&mut out, article, &facts)?;
        }
    }
    Ok(())
}

/// Lays the corrections kept for `article` over its facts, each found again in the text if it
/// changed (one that cannot be is left out).
fn apply_corrections(store: &Store, article: &Article, facts: &mut Facts) {
    let Ok(set) = store.annotations(&article.id) else { return };
    let kept: Vec<Annotation> = set.annotations.into_iter().filter(corrections::is_correction).collect();
    let (placed, _) = reanchor_all(&article.body, kept);
    corrections::apply(facts, &placed);
}

fn write_plain(out: &mut impl Write, article: &Article, facts: &Facts) -> io::Result<()> {
    writeln!(out, "{}  [{}]", article.title, facts.lang.map_or("?", Lang::code))?;
    if !facts.people.is_empty() {
        writeln!(out, "People")?;
        for p in &facts.people {
            match p.roles.as_slice() {
                [] => writeln!(out, "  {}", p.name)?,
                roles => writeln!(out, "  {} — {}", p.name, roles.join("; "))?,
            }
        }
    }
    for (label, heading) in
        [(Label::Org, "Organisations"), (Label::Loc, "Places"), (Label::Misc, "Other names")]
    {
        let names: Vec<String> = facts
            .entities
            .iter()
            .filter(|e| e.label == label)
            .map(|e| {
                if e.mentions.len() > 1 {
                    format!("{} ×{}", e.name, e.mentions.len())
                } else {
                    e.name.clone()
                }
            })
            .collect();
        if !names.is_empty() {
            writeln!(out, "{heading}\n  {}", names.join(" · "))?;
        }
    }
    if !facts.dates.is_empty() {
        writeln!(out, "Dates")?;
        for d in &facts.dates {
            writeln!(out, "  {} → {}", d.text, d.value.as_deref().unwrap_or("?"))?;
        }
    }
    if !facts.quotes.is_empty() {
        writeln!(out, "Quotes")?;
        for q in &facts.quotes {
            writeln!(out, "  «{}»", q.text)?;
            match (q.speaker.as_deref(), q.speaker_description.as_deref()) {
                (Some(s), _) => writeln!(out, "    — {s}")?,
                (None, Some(d)) => writeln!(out, "    — {d} (not named)")?,
                (None, None) => writeln!(out, "    — (speaker not named)")?,
            }
        }
    }
    if !facts.sources.is_empty() {
        writeln!(out, "Sources\n  {}", facts.sources.join(" · "))?;
    }
    Ok(())
}
