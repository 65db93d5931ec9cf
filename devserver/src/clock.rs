//! The one source of "now": real time plus an adjustable offset, so tests can move time.

use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

pub const SECOND_MS: i64 = 1_000;
pub const HOUR_MS: i64 = 60 * 60 * SECOND_MS;
pub const DAY_MS: i64 = 24 * HOUR_MS;

/// Real time shifted by `offset_ms`. Every handler reads "now" through this.
#[derive(Debug, Default)]
pub struct Clock {
    offset_ms: AtomicI64,
}

impl Clock {
    pub fn new() -> Self {
        Self::default()
    }

    /// Milliseconds since the Unix epoch, shifted by the current offset.
    pub fn now_ms(&self) -> i64 {
        real_now_ms().saturating_add(self.offset_ms())
    }

    pub fn offset_ms(&self) -> i64 {
        self.offset_ms.load(Ordering::SeqCst)
    }

    pub fn set_offset_ms(&self, offset: i64) {
        self.offset_ms.store(offset, Ordering::SeqCst);
    }

    pub fn advance_ms(&self, delta: i64) {
        let _ = self
            .offset_ms
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |v| {
                Some(v.saturating_add(delta))
            });
    }

    pub fn reset(&self) {
        self.set_offset_ms(0);
    }
}

fn real_now_ms() -> i64 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_millis()).unwrap_or(i64::MAX),
        Err(_) => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_moves_now() {
        let c = Clock::new();
        let a = c.now_ms();
        c.advance_ms(DAY_MS);
        assert!(c.now_ms() >= a + DAY_MS);
        c.set_offset_ms(-HOUR_MS);
        assert_eq!(c.offset_ms(), -HOUR_MS);
        c.reset();
        assert_eq!(c.offset_ms(), 0);
    }
}
