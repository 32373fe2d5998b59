//! Where each story's review stands, for the list: done or not (`review_state`, user data),
//! the decisions made (counted in `annotations`) and how much there is to judge (counted by the
//! reader when it last opened the story, `review_progress`). Read with the story list in one
//! query, so a 10,000-story library shows it without extracting a story.

use rusqlite::{OptionalExtension, params};

use super::{Result, Store};
use crate::library::Review;

/// The review columns `review_from_row` reads, over `articles a` joined by `REVIEW_JOINS`.
pub(super) const REVIEW_COLUMNS: &str = "COALESCE(v.done, 0), \
     (SELECT count(*) FROM annotations n WHERE n.article_id = a.id AND n.status <> 'suggested' \
        AND n.label NOT IN ('SPEAKER', 'ROLE')), \
     p.total";

/// The joins `REVIEW_COLUMNS` needs; a count made on another version of the text is not used.
pub(super) const REVIEW_JOINS: &str = "LEFT JOIN review_state v ON v.article_id = a.id \
     LEFT JOIN review_progress p ON p.article_id = a.id AND p.content_hash = a.content_hash";

/// A story's review from the three `REVIEW_COLUMNS` starting at column `at`.
pub(super) fn review_from_row(row: &rusqlite::Row, at: usize) -> rusqlite::Result<Review> {
    Ok(Review {
        done: row.get(at)?,
        judged: row.get::<_, i64>(at + 1)?.max(0) as usize,
        total: row.get::<_, Option<i64>>(at + 2)?.map(|t| t.max(0) as usize),
    })
}

impl Store {
    /// Records how much a story holds to judge (decisions made and suggestions waiting), as
    /// counted on the text with `content_hash`.
    pub fn save_review_total(&self, article_id: &str, content_hash: &str, total: usize) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO review_progress (article_id, content_hash, total) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (article_id) DO UPDATE SET content_hash = excluded.content_hash, total = excluded.total",
            )?
            .execute(params![article_id, content_hash, total.min(i64::MAX as usize) as i64])?;
        Ok(())
    }

    /// One story's review as the list shows it (the default for a story not in the library).
    pub fn review_of(&self, article_id: &str) -> Result<Review> {
        let sql = format!("SELECT {REVIEW_COLUMNS} FROM articles a {REVIEW_JOINS} WHERE a.id = ?1");
        let found =
            self.conn.prepare_cached(&sql)?.query_row([article_id], |r| review_from_row(r, 0)).optional()?;
        Ok(found.unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::{Annotation, Edit, Status};
    use crate::library::{Article, ReviewState};
    use crate::store::FileStamp;

    fn store_with(body: &str) -> (Store, String) {
        let mut s = Store::open_in_memory().unwrap();
        let a = Article { id: "a1".into(), title: "T".into(), body: body.into(), ..Article::default() };
        let hash = crate::store::content_hash(&a);
        let stamp = FileStamp { size: 1, mtime_ns: 1, hash: 1 };
        s.replace_file("/lib/a.txt", stamp, &[(a, None)], 1).unwrap();
        (s, hash)
    }

    #[test]
    fn the_list_reads_each_story_s_review() {
        let body = "la force Barkhane a quitté le Mali";
        let (mut s, hash) = store_with(body);
        let review = |s: &Store| s.stories_in(&[]).unwrap()[0].review;
        assert_eq!(review(&s), Review::default());
        assert_eq!(review(&s).state(), ReviewState::NotStarted);
        s.save_review_total("a1", &hash, 5).unwrap();
        s.edit("a1", &hash, Edit::Add(Annotation::new(body, 9, 17, "ORG", Status::Accepted, "model")))
            .unwrap();
        s.edit("a1", &hash, Edit::Add(Annotation::new(body, 30, 34, "LOC", Status::Suggested, "import")))
            .unwrap();
        assert_eq!(review(&s), Review { done: false, judged: 1, total: Some(5) });
        assert_eq!(review(&s).state(), ReviewState::InProgress);
        s.set_review_done("a1", true).unwrap();
        assert_eq!(review(&s).state(), ReviewState::Done);
        assert_eq!(s.review_of("a1").unwrap(), review(&s));
        // A count made on another text is not shown.
        s.save_review_total("a1", "another hash", 9).unwrap();
        assert_eq!(review(&s).total, None);
    }
}
