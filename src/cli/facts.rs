//! `byline facts PATH [--json]`: what the extractor finds in each article of a file.

use std::io::{self, Write};

use crate::extract::{Facts, Label, Lang};
use crate::library::Article;
use crate::service::analysis::facts_for;
use crate::service::facts_json::facts_json;

pub fn print(articles: &[Article], json: bool, lang: Option<Lang>) -> io::Result<()> {
    let mut out = io::stdout().lock();
    for (i, article) in articles.iter().enumerate() {
        let facts = facts_for(article, lang);
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
            writeln!(out, "    — {}", q.speaker.as_deref().unwrap_or("(speaker not named)"))?;
        }
    }
    if !facts.sources.is_empty() {
        writeln!(out, "Sources\n  {}", facts.sources.join(" · "))?;
    }
    Ok(())
}
