//! Where a group stands across claims, and whether discussion moved it: the vote matrix,
//! the opinion map (PCA, k-means chosen by silhouette, representative, consensus and
//! divisive claims), and the deliberation report (pre/post tests, effect sizes,
//! participants against lurkers, knowledge gain). Pure maths on numbers; the engine
//! gathers the votes and words the results.
//!
//! - [`matrix`]: the member × claim votes, pass and missing kept apart.
//! - [`pca`]: principal components with missing votes imputed.
//! - [`cluster`]: k-means, silhouette, adjusted Rand index.
//! - [`map`]: the map itself and the rules for showing no groups.
//! - [`stats`]: the tests and effect sizes; [`deliberation`]: the report built on them.
//! - [`synthetic`]: seeded electorates for tests and benchmarks.

pub mod cluster;
pub mod deliberation;
pub mod map;
pub mod matrix;
pub mod pca;
pub mod stats;
pub mod synthetic;

pub use map::{NoGroups, OpinionMap, group_name, opinion_map};
pub use matrix::{Counts, Lean, VoteMatrix};
