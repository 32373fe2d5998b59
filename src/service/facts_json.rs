//! The documented JSON of `byline facts --json`: every offset is in code points into the text
//! as the user gave it (`Article::given_text`), so `given[start..end] == text` for every
//! entity mention, date and quote. A span byline found in its own text that cannot be placed
//! exactly in the given text is left out and counted (`unplaced`), never approximated.

use serde::Serialize;

use crate::annotate::formats::offsets::OffsetTable;
use crate::extract::{self, Facts, Lang};
use crate::library::Article;
use crate::library::align::SourceMap;

#[derive(Serialize)]
struct SpanOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    label: &'a str,
    name: &'a str,
    mentions: Vec<SpanOut<'a>>,
}

#[derive(Serialize)]
struct DateOut<'a> {
    text: &'a str,
    value: Option<&'a str>,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct QuoteOut<'a> {
    text: &'a str,
    speaker: Option<&'a str>,
    /// "user" when the user set the speaker.
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker_origin: Option<extract::Origin>,
    /// How the text describes a speaker it does not name ("le communiqué").
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker_description: Option<&'a str>,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct FactsOut<'a> {
    id: &'a str,
    title: &'a str,
    lang: &'a str,
    entities: Vec<EntityOut<'a>>,
    dates: Vec<DateOut<'a>>,
    quotes: Vec<QuoteOut<'a>>,
    people: &'a [extract::Person],
    sources: &'a [String],
    lede: Option<&'a str>,
    /// Spans found in byline's text that the given text does not hold as such.
    #[serde(skip_serializing_if = "is_zero")]
    unplaced: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Places byte ranges of the body in the given text, as code points.
struct Placer<'a> {
    given: &'a str,
    body: &'a str,
    map: SourceMap,
    // One table for the given text, then O(log n) per offset (mentions can number in the
    // thousands).
    table: OffsetTable,
    unplaced: std::cell::Cell<usize>,
}

impl<'a> Placer<'a> {
    fn new(given: &'a str, body: &'a str) -> Placer<'a> {
        let map = SourceMap::new(given, body);
        Placer { given, body, map, table: OffsetTable::new(given), unplaced: Default::default() }
    }

    /// (start, end, text) in the given text, code points.
    fn place(&self, start: usize, end: usize) -> Option<(usize, usize, &'a str)> {
        let placed = self.map.to_source(self.given, self.body, start..end).and_then(|r| {
            let text = self.given.get(r.clone())?;
            Some((self.table.byte_to_char(r.start)?, self.table.byte_to_char(r.end)?, text))
        });
        if placed.is_none() {
            self.unplaced.set(self.unplaced.get() + 1);
        }
        placed
    }
}

pub fn facts_json(article: &Article, facts: &Facts) -> String {
    let given = article.given_text();
    let placer = Placer::new(&given, &article.body);
    let entities = facts
        .entities
        .iter()
        .map(|e| EntityOut {
            label: e.label.as_str(),
            name: &e.name,
            mentions: e
                .mentions
                .iter()
                .filter_map(|m| placer.place(m.start, m.end))
                .map(|(start, end, text)| SpanOut { start, end, text })
                .collect(),
        })
        .filter(|e| !e.mentions.is_empty())
        .collect();
    let dates = facts
        .dates
        .iter()
        .filter_map(|d| {
            let (start, end, text) = placer.place(d.start, d.end)?;
            Some(DateOut { text, value: d.value.as_deref(), start, end })
        })
        .collect();
    let quotes = facts
        .quotes
        .iter()
        .filter_map(|q| {
            let (start, end, text) = placer.place(q.start, q.end)?;
            Some(QuoteOut {
                text,
                speaker: q.speaker.as_deref(),
                speaker_origin: q.speaker_origin,
                speaker_description: q.speaker_description.as_deref(),
                start,
                end,
            })
        })
        .collect();
    let out = FactsOut {
        id: &article.id,
        title: &article.title,
        lang: facts.lang.map_or("other", Lang::code),
        entities,
        dates,
        quotes,
        people: &facts.people,
        sources: &facts.sources,
        lede: facts.lede.as_deref(),
        unplaced: placer.unplaced.get(),
    };
    serde_json::to_string(&out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{Given, Limits, parse_bytes};
    use crate::service::analysis::facts_for;

    /// Every span of the JSON, checked against `given` in code points.
    fn check_spans(given: &str, json: &str) -> usize {
        let json: serde_json::Value = serde_json::from_str(json).unwrap();
        let chars: Vec<char> = given.chars().collect();
        let mut seen = 0;
        let mut check = |span: &serde_json::Value| {
            let (s, t) = (span["start"].as_u64().unwrap() as usize, span["end"].as_u64().unwrap() as usize);
            assert_eq!(chars[s..t].iter().collect::<String>(), span["text"].as_str().unwrap());
            seen += 1;
        };
        for e in json["entities"].as_array().unwrap() {
            e["mentions"].as_array().unwrap().iter().for_each(&mut check);
        }
        json["dates"].as_array().unwrap().iter().for_each(&mut check);
        json["quotes"].as_array().unwrap().iter().for_each(&mut check);
        seen
    }

    #[test]
    fn offsets_count_code_points_into_the_body_when_it_is_the_given_text() {
        let body = "Été 2022 : « à Paris », a dit Emmanuel Macron.";
        let article = Article { id: "a".into(), body: body.into(), ..Article::default() };
        let seen = check_spans(body, &facts_json(&article, &facts_for(&article, None)));
        assert!(seen >= 2);
    }

    #[test]
    fn offsets_index_a_text_file_as_given_whatever_byline_rewrote() {
        // A title line, one newline between paragraphs, soft hyphens, NBSP, a decomposed
        // accent, CRLF and an emoji: byline's body differs from the file at every one.
        let given = "Visite au Mali\r\n\
            Le ministre malien de la Sécu\u{AD}rité, Daoud Aly Mohammedine, est arrive\u{301} à Moscou lundi 21 novembre 2022.\r\n\
            « Nous avons signé un accord », a déclaré Assimi\u{A0}Goita 🎉 à Bamako.\r\n\
            Selon l'Agence Ecofin, la Rus\u{AD}sie livrera des hélicoptères.\r\n";
        let loaded =
            parse_bytes(std::path::Path::new("mali.txt"), given.as_bytes(), &Limits::default()).unwrap();
        let article = &loaded.articles[0];
        assert_ne!(article.body, given);
        assert!(matches!(article.given, Some(Given::Patch(_))));
        assert_eq!(article.given_text(), given);
        let json = facts_json(article, &facts_for(article, None));
        assert!(check_spans(given, &json) >= 5, "{json}");
        assert!(json.contains("Moscou") && json.contains("Rus\u{AD}sie"), "{json}");
    }
}
