//! What the model means taken as a whole: the responsibility matrix, the changes
//! between two versions, and the state of the advice rounds.

pub mod diff;
pub mod matrix;
pub mod redline;
pub mod status;
