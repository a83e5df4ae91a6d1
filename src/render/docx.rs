//! Word output.

use super::{RenderError, View};

pub fn render(_view: &View) -> Result<Vec<u8>, RenderError> {
    Err(RenderError::Docx("nog niet beschikbaar".into()))
}
