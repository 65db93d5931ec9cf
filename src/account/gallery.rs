//! Gallery states of this area.

use crate::gallery::Entry;

/// Every state of this area's components, for the designers' gallery.
pub fn entries() -> Vec<Entry> {
    vec![]
}
