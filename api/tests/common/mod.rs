//! Shared test helpers: a tiny executor and a mock-backed client.
#![allow(dead_code)]

use osmand_api::mock::MockTransport;
use osmand_api::Client;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

/// Runs a future that never really waits (the mock answers at once).
pub fn block_on<F: Future>(fut: F) -> F::Output {
    let mut fut = pin!(fut);
    let mut cx = Context::from_waker(Waker::noop());
    for _ in 0..1000 {
        if let Poll::Ready(out) = fut.as_mut().poll(&mut cx) {
            return out;
        }
    }
    panic!("future did not complete");
}

/// A client over a fresh mock, and the mock to script it.
pub fn client() -> (Client<MockTransport>, MockTransport) {
    let mock = MockTransport::new();
    (Client::new(mock.clone()), mock)
}
