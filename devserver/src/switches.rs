//! Answer switches: how this stand-in answers where server versions differ.
//!
//! The defaults answer as osmand.net's master does (`UserdataService`, `MapApiController`):
//! 4-digit e-mail codes, an empty `200` for a file version that does not exist, and a bare
//! `{"status":"ok"}` from `empty-trash`. The friendlier forms (an error status with a message
//! for a missing version, per-file `empty-trash` results as on the unmerged
//! `fix/empty-trash-all-versions` branch) and longer codes (newer servers: 6–12 digits) are
//! switched on with `--friendly-answers` / `--code-digits`, or at run time through
//! `POST /dev/switches` (tests), so both forms stay tested.

use std::sync::Mutex;

use serde::{Deserialize, Serialize};

/// Shortest and longest code a server issues.
pub const CODE_DIGITS: std::ops::RangeInclusive<u8> = 4..=12;

/// The switch values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Switches {
    /// Digits of a newly issued e-mail code (master: 4).
    pub code_digits: u8,
    /// Error statuses for missing versions and per-file `empty-trash` results.
    pub friendly_answers: bool,
}

impl Default for Switches {
    fn default() -> Self {
        Self {
            code_digits: 4,
            friendly_answers: false,
        }
    }
}

impl Switches {
    /// `Err` with the reason when a value is out of range.
    pub fn check(&self) -> Result<(), String> {
        if CODE_DIGITS.contains(&self.code_digits) {
            Ok(())
        } else {
            Err(format!(
                "codeDigits must be 4..=12, got {}",
                self.code_digits
            ))
        }
    }
}

/// A partial update (`POST /dev/switches`): absent fields keep their value.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SwitchesPatch {
    pub code_digits: Option<u8>,
    pub friendly_answers: Option<bool>,
}

/// The live values, starting from the command line's.
#[derive(Debug)]
pub struct Live {
    start: Switches,
    now: Mutex<Switches>,
}

impl Live {
    pub fn new(start: Switches) -> Self {
        Self {
            start,
            now: Mutex::new(start),
        }
    }

    pub fn get(&self) -> Switches {
        *self.now.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Applies `patch`; nothing changes when the result is out of range.
    pub fn apply(&self, patch: SwitchesPatch) -> Result<Switches, String> {
        let mut now = self.now.lock().unwrap_or_else(|p| p.into_inner());
        let next = Switches {
            code_digits: patch.code_digits.unwrap_or(now.code_digits),
            friendly_answers: patch.friendly_answers.unwrap_or(now.friendly_answers),
        };
        next.check()?;
        *now = next;
        Ok(next)
    }

    /// Back to the command line's values.
    pub fn reset(&self) {
        *self.now.lock().unwrap_or_else(|p| p.into_inner()) = self.start;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_masters_answers_and_patches_are_checked() {
        let live = Live::new(Switches::default());
        assert_eq!(live.get().code_digits, 4);
        assert!(!live.get().friendly_answers);
        let s = live
            .apply(SwitchesPatch {
                code_digits: Some(6),
                ..Default::default()
            })
            .unwrap();
        assert_eq!((s.code_digits, s.friendly_answers), (6, false));
        assert!(live
            .apply(SwitchesPatch {
                code_digits: Some(13),
                friendly_answers: Some(true),
            })
            .is_err());
        assert_eq!(live.get().code_digits, 6, "a refused patch changes nothing");
        assert!(!live.get().friendly_answers);
        live.reset();
        assert_eq!(live.get(), Switches::default());
    }
}
