//! Annotation: the user's judgements on entity mentions (added, accepted, rejected, relabelled,
//! linked), kept apart from what the extractor suggests and merged over it for display, and
//! their export to / import from the formats NLP tools read. Pure: the store persists these
//! types, the model shows them.

pub mod anchor;
pub mod corrections;
pub mod edit;
pub mod entity_edit;
pub mod formats;
pub mod merge;
pub mod review;
pub mod types;

pub use edit::{AnnotationSet, Change, Edit};
pub use review::Progress;
pub use types::{Annotation, Quote, Status};
