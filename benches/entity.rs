//! The entity page on a large library (issue 19): builds a library of COUNT stories (100,000 by
//! default) from the texts of a folder of articles, written through the store's indexing path
//! (`Store::apply`, the batches `byline index` writes, with the entity rows the extractor gave
//! each text), then measures opening the page of the most frequent person, `r`, and what the
//! alias grouping costs. The texts are read from the path given (never copied into the
//! repository); the database lives in a temporary folder.
//!
//!     cargo bench --bench entity -- ../shared/data/articles/bbc-en [COUNT]
//!     BYLINE_BENCH_ARTICLES=../shared/data/articles/bbc-en cargo bench --bench entity
//!     BYLINE_BENCH_DB=/tmp/copy/byline.db BYLINE_BENCH_PERSON="Tony Blair" cargo bench --bench entity
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and measuring code: a failure should stop it loudly

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use byline::annotate::entity_edit::{EntityRequest, Target};
use byline::library::{Article, Limits, load_file};
use byline::model::list::ENTITY_SHOWN;
use byline::service::analysis::{EXTRACTOR_VERSION, entity_rows, facts_for};
use byline::service::entity::{Lookup, PAGE_STORIES, profile, related_newest, related_stories};
use byline::service::entity_edit::perform;
use byline::store::{CachedFacts, FileOp, FileStamp, Store};

/// Files written in one transaction, as `service::index` does.
const BATCH: usize = 2048;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Writes `count` stories made from `sources` (each a parsed text and its entity rows, or
/// none) into `store`; returns the time the writes took.
fn build(
    store: &mut Store,
    sources: &[(Article, CachedFacts)],
    count: usize,
    with_entities: bool,
) -> Duration {
    let mut took = Duration::ZERO;
    let mut i = 0;
    while i < count {
        let ops: Vec<FileOp> = (i..(i + BATCH).min(count))
            .map(|n| {
                let (a, facts) = &sources[n % sources.len()];
                // Ten years of stories, a month after the other.
                let date = format!("{:04}-{:02}-{:02}", 2000 + (n / 12) % 10, n % 12 + 1, n % 28 + 1);
                let article = Article {
                    id: format!("s{n}"),
                    title: format!("{} ({n})", a.title),
                    date: Some(date),
                    ..a.clone()
                };
                // Besides the text's own names, two no other story has: a large library's
                // entity index holds hundreds of thousands of names, most of them rare.
                let mut entities = facts.entities.clone();
                entities.push(("PER".into(), format!("Person{n} Family{}", n % 20_000), 1));
                entities.push(("ORG".into(), format!("Company {n}"), 1));
                let facts = CachedFacts {
                    json: String::new(),
                    entities: if with_entities { entities } else { Vec::new() },
                };
                FileOp::Replace {
                    path: format!("/bench/{:03}/{n}.txt", n / 1000),
                    stamp: FileStamp { size: n as u64, mtime_ns: 0, hash: n as u128 },
                    articles: vec![(article, Some(facts))],
                }
            })
            .collect();
        let t = Instant::now();
        store.apply(&ops, EXTRACTOR_VERSION).expect("write");
        took += t.elapsed();
        i += BATCH;
    }
    took
}

/// The best and the median of `runs` timings of `f`.
fn timed<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, f64, T) {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..runs {
        let t = Instant::now();
        last = Some(f());
        times.push(ms(t.elapsed()));
    }
    times.sort_by(f64::total_cmp);
    (times[0], times[times.len() / 2], last.expect("one run"))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let dir = args
        .first()
        .cloned()
        .or_else(|| std::env::var("BYLINE_BENCH_ARTICLES").ok())
        .unwrap_or_else(|| "../shared/data/articles/bbc-en".into());
    let count: usize = args.get(1).and_then(|c| c.parse().ok()).unwrap_or(100_000);

    // Each text parsed and extracted once (the extraction a cold index runs for every story).
    let files = common::txt_files(Path::new(&dir));
    assert!(!files.is_empty(), "no .txt files under {dir}");
    let t = Instant::now();
    let mut sources = Vec::new();
    for f in &files {
        for a in load_file(f, &Limits::default()).map(|l| l.articles).unwrap_or_default() {
            let rows = entity_rows(&facts_for(&a, None));
            sources.push((a, CachedFacts { json: String::new(), entities: rows }));
        }
    }
    let extract_each = t.elapsed().as_secs_f64() / sources.len() as f64;
    println!(
        "{} texts from {dir}: parsed and extracted in {:.1} s ({:.2} ms each)",
        sources.len(),
        t.elapsed().as_secs_f64(),
        extract_each * 1e3
    );

    let tmp = tempfile::tempdir().expect("temp dir");
    // BYLINE_BENCH_DB: build the library there once and measure it again on later runs.
    let kept = std::env::var_os("BYLINE_BENCH_DB").map(std::path::PathBuf::from);
    let db = kept.clone().unwrap_or_else(|| tmp.path().join("byline.db"));
    if kept.is_none() || !db.exists() {
        build_and_compare(&db, &tmp.path().join("bare.db"), &sources, count, extract_each);
    }
    measure_pages(&db);
}

/// Writes the library with and without the entity index, and says what the index costs.
fn build_and_compare(
    db: &Path,
    bare_db: &Path,
    sources: &[(Article, CachedFacts)],
    count: usize,
    extract_each: f64,
) {
    let mut store = Store::open(db).expect("store");
    let with = build(&mut store, sources, count, true);
    let without = build(&mut Store::open(bare_db).expect("store"), sources, count, false);
    let extraction = extract_each * count as f64;
    let cold = extraction + with.as_secs_f64();
    println!(
        "{count} stories written: {:.1} s with the entity index, {:.1} s without it; extraction for as many \
         stories {:.1} s; a cold index ≈ {:.1} s",
        with.as_secs_f64(),
        without.as_secs_f64(),
        extraction,
        cold
    );
    println!(
        "the entity index's share of a cold index: {:.1} % (the alias grouping's part of it, each name's \
         last word indexed, is within it; the grouping itself runs when a page is opened)",
        100.0 * (with.as_secs_f64() - without.as_secs_f64()).max(0.0) / cold
    );
}

/// Opens the page of the library's most frequent person, its stories (`r`), the parts of the
/// page, and the page again after a merge.
fn measure_pages(db: &Path) {
    // The most frequent person of the library.
    let mut store = Store::open(db).expect("store");
    let top = store.entities_with_key_prefix("", 2000).expect("entities");
    // BYLINE_BENCH_PERSON: another person than the most frequent one (as `scale` measures).
    let wanted = std::env::var("BYLINE_BENCH_PERSON").ok().map(|n| byline::store::entity_key(&n));
    let person = top
        .iter()
        .find(|e| e.label == "PER" && wanted.as_ref().map_or(e.name.contains(' '), |k| &e.key == k))
        .expect("a person")
        .clone();
    println!("most frequent person: {} in {} stories", person.name, person.stories);

    // Cold: the newest stories' facts are extracted and cached on the way; warm: read back.
    let (cold_page, _, found) = timed(1, || profile(&mut store, &person.name).expect("profile"));
    let Lookup::Found(p) = found else { panic!("{} not found", person.name) };
    // Where the time goes: the index's look-ups the page makes, and reading the newest stories.
    let (prefix, _, _) = timed(5, || store.entities_with_key_prefix(&person.key, 50).expect("prefix"));
    let surname = person.key.rsplit(' ').next().unwrap_or_default().to_owned();
    let (ending, _, _) = timed(5, || store.entities_ending_with(&surname, 200).expect("surname"));
    let (counts, _, _) = timed(5, || store.entity_counts(&[person.id]).expect("counts"));
    let (window, _, rows) =
        timed(5, || store.entity_story_window(&[person.id], 0, Some(PAGE_STORIES)).expect("window"));
    let (deep, _, _) = timed(5, || {
        store.entity_story_window(&[person.id], person.stories / 2, Some(PAGE_STORIES)).expect("window")
    });
    let (with, _, _) = timed(5, || store.companions(&[person.id], 10, 2000, 10_000).expect("companions"));
    let newest: Vec<String> = rows.iter().take(30).map(|r| r.story.id.clone()).collect();
    let (read, _, _) = timed(3, || {
        for id in &newest {
            byline::service::story::load_story(&mut store, id).expect("load");
        }
    });
    println!(
        "parts (best): names by prefix {prefix:.1} ms, by surname {ending:.1} ms, counts and timeline {counts:.1} ms, \
         the newest {PAGE_STORIES} stories {window:.1} ms ({PAGE_STORIES} from the middle {deep:.1} ms), \
         companions {with:.1} ms, the newest 30 read {read:.1} ms"
    );

    let (best, median, _) = timed(9, || profile(&mut store, &person.name).expect("profile"));
    println!(
        "entity page of {} ({} stories, {} names): first open {:.1} ms (the facts of its newest 30 stories extracted), then best {:.1} ms, median {:.1} ms \
         (target < 100 ms)",
        p.name,
        p.story_count,
        p.aliases.len(),
        cold_page,
        best,
        median
    );
    let (best, median, hits) =
        timed(9, || related_newest(&store, &person.name, ENTITY_SHOWN + 1).expect("related"));
    println!(
        "r (its newest stories, all names): {} stories, best {best:.1} ms, median {median:.1} ms",
        hits.len()
    );
    let (best, median, hits) = timed(3, || related_stories(&store, &person.name).expect("related"));
    println!(
        "all its stories (the query's entity:): {} stories, best {best:.1} ms, median {median:.1} ms",
        hits.len()
    );

    // With a user's merge in force (read on every look-up).
    let other = top.iter().find(|e| e.label == "PER" && e.key != person.key).expect("another person").clone();
    let whole = |name: &str| Target { name: name.into(), label: None, whole: true };
    let request = EntityRequest::Merge { into: whole(&person.name), other: whole(&other.name) };
    let (merge_ms, _, outcome) = timed(1, || perform(&mut store, &request).expect("merge"));
    let (best, median, _) = timed(9, || profile(&mut store, &person.name).expect("profile"));
    println!(
        "merged {} into it in {merge_ms:.1} ms ({outcome:?}); its page then: best {best:.1} ms, median {median:.1} ms",
        other.name
    );
    // Back as it was, for the next run over a kept library.
    perform(&mut store, &EntityRequest::Undo).expect("undo");
}
