//! `byline doctor`: what the database holds and whether it is sound, read without writing.

use super::{Result, Store, schema};

impl Store {
    /// Checks the database and says what it found, one finding a line; a finding that the file
    /// is damaged says `DAMAGED`. Only reads: it runs on a store opened read-only, and a part
    /// of the file that cannot be read is a finding, not an error.
    pub fn doctor(&self) -> Result<Vec<String>> {
        let mut report = Vec::new();
        let integrity: rusqlite::Result<Vec<String>> = self
            .conn
            .prepare("PRAGMA integrity_check(20)")
            .and_then(|mut stmt| stmt.query_map([], |r| r.get(0))?.collect());
        match integrity {
            Ok(lines) if lines == ["ok"] => report.push("integrity: ok".to_string()),
            Ok(lines) => {
                report.push("integrity: DAMAGED".to_string());
                report.extend(
                    lines.iter().map(|l| format!("  {}", crate::library::sanitize::one_line(l, 200))),
                );
            }
            Err(e) => report.push(format!("integrity: DAMAGED ({e})")),
        }
        // Every story in the full-text index and nothing else (the integrity check above
        // looks at the index's own structure).
        let unindexed = "SELECT (SELECT count(*) FROM articles a WHERE NOT EXISTS \
             (SELECT 1 FROM articles_fts_docsize d WHERE d.id = a.rowid)) + (SELECT count(*) FROM \
             articles_fts_docsize d WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.rowid = d.id))";
        let count = |sql: &str| self.conn.query_row(sql, [], |r| r.get::<_, i64>(0));
        report.push(match count(unindexed) {
            Ok(0) => "full-text index: ok".to_string(),
            Ok(n) => format!("full-text index: DAMAGED, {n} stories out of step (byline index --rebuild)"),
            Err(e) => format!("full-text index: DAMAGED ({e}; byline index --rebuild)"),
        });
        let mut counted = |label: &str, sql: &str| {
            report.push(match count(sql) {
                Ok(n) => format!("{label}: {n}"),
                Err(e) => format!("{label}: DAMAGED ({e})"),
            })
        };
        counted("articles", "SELECT count(*) FROM articles");
        counted("source files", "SELECT count(*) FROM files");
        counted("read", "SELECT count(*) FROM reading_state WHERE read");
        counted("starred", "SELECT count(*) FROM reading_state WHERE starred");
        counted("annotations", "SELECT count(*) FROM annotations");
        let orphans = count(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM files f WHERE f.path = a.path)",
        );
        if let Ok(orphans @ 1..) = orphans {
            report.push(format!("articles without a source file: {orphans} (byline index repairs this)"));
        }
        let shared = count(
            "SELECT count(*) FROM articles a WHERE instr(a.id, '~') > 0 \
             AND EXISTS (SELECT 1 FROM articles b WHERE b.id = substr(a.id, 1, length(a.id) - 9))",
        );
        if let Ok(shared @ 1..) = shared {
            report.push(format!(
                "stories whose id another file gives too: {shared} (each kept, under its id with ~ and a hash of its path)"
            ));
        }
        let homeless = count(
            "SELECT count(*) FROM annotations n WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = n.article_id)",
        );
        if let Ok(homeless @ 1..) = homeless {
            report.push(format!(
                "annotations whose story is no longer in the library: {homeless} (kept; `byline export --orphans` writes them)"
            ));
        }
        let version: i64 = self.conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version < schema::SCHEMA_VERSION {
            report.push(format!(
                "schema version: {version} (byline index brings it to {})",
                schema::SCHEMA_VERSION
            ));
        } else {
            report.push(format!("schema version: {version}"));
        }
        Ok(report)
    }
}
