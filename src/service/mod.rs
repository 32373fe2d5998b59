//! The use-cases the reader and the command line share: which stories the library holds and
//! which a list shows (`source`), indexing files into the store (`index`), what the extractor
//! finds and when its results are cached (`analysis`), reading a story for the reader
//! (`story`), performing the state's effects (`effects`), a state and store driven together
//! (`session`), the work that runs on threads of its own (`jobs`), and where each story's review
//! stands (`review`).

pub mod analysis;
pub mod cores;
pub mod effects;
pub mod entity;
pub mod entity_edit;
pub mod export;
pub mod facts_json;
pub mod import;
pub mod index;
pub mod jobs;
pub mod outside;
pub mod query;
pub mod review;
pub mod session;
pub mod source;
pub mod story;

pub use session::Session;
pub use source::Source;
