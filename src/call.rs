//! [`Call`]: the one way the app talks to the server. Page loads, submits, row actions and
//! downloads all go through it; nothing else spawns a server call.
//!
//! A call takes its contexts (API client, session) when it is created, so its steps never look
//! anything up after an `.await`. For each run it:
//! - gives the request an abort signal and **aborts it when the page that owns the call goes
//!   away** (or on [`Call::abort`], e.g. a Cancel button);
//! - ends the session in one place when the answer is a redirect to the login page or a 401
//!   ([`Session::expire`]): the user logs in again and comes back;
//! - keeps only the latest run's answer (an older answer that comes late is dropped), unless the
//!   call was made with [`Call::every_answer`] (independent row actions);
//! - exposes `pending`, the latest error (as the user's message: [`Call::message`], one mapping in
//!   `errors.rs`) and the latest value;
//! - runs the success step itself ([`Call::on_ok`], [`Call::on_err`]): no effect watches a result.
//!
//! Why not Leptos' `Action`/`LocalResource`: measured on this app (release build, wasm-opt -Oz,
//! brotli), `Action::new_local` cost 7.0 KB and `LocalResource` 8.2 KB for our 14 calls, because
//! their machinery (`ArcAction` versions, `AsyncDerived`, `ScopedFuture`, Suspense hooks) is
//! instantiated per input/output type, and none of the pages use dependency tracking or
//! Suspense: they load when opened and on "Try again". The generic part here is one small
//! closure per call; the rest is shared.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use osmand_api::error::ApiError;

use crate::ctx::{use_api, Abort, ApiClient, WithAbort};
use crate::session::{use_session, Session};

type Step<T> = Rc<dyn Fn(&T)>;

/// The shared part of every call: in-flight runs, their abort handles, whether the page lives.
#[derive(Default)]
struct Runs {
    latest: Cell<u32>,
    in_flight: RefCell<Vec<(u32, Abort)>>,
    alive: Cell<bool>,
    every_answer: Cell<bool>,
    keep_on_leave: Cell<bool>,
}

impl Runs {
    fn start(&self) -> (u32, Abort) {
        let id = self.latest.get().wrapping_add(1);
        self.latest.set(id);
        let abort = Abort::new();
        self.in_flight.borrow_mut().push((id, abort.clone()));
        (id, abort)
    }

    /// Marks run `id` finished; returns whether its answer is to be shown.
    fn finish(&self, id: u32) -> bool {
        self.in_flight.borrow_mut().retain(|(i, _)| *i != id);
        self.alive.get() && (self.every_answer.get() || self.latest.get() == id)
    }

    fn busy(&self) -> bool {
        !self.in_flight.borrow().is_empty()
    }

    fn abort_all(&self) {
        let runs = std::mem::take(&mut *self.in_flight.borrow_mut());
        for (_, abort) in runs {
            abort.abort();
        }
    }
}

type Run<I, O> = Rc<dyn Fn(ApiClient, I) -> Pin<Box<dyn Future<Output = Result<O, ApiError>>>>>;

struct Inner<I, O> {
    run: Run<I, O>,
    api: ApiClient,
    session: Session,
    runs: Rc<Runs>,
    on_ok: RefCell<Option<Step<O>>>,
    on_err: RefCell<Option<Step<ApiError>>>,
}

/// A server call owned by a page (a `Copy` handle): see the module header.
pub struct Call<I: 'static, O: 'static> {
    value: RwSignal<Option<O>, LocalStorage>,
    error: RwSignal<Option<ApiError>, LocalStorage>,
    pending: RwSignal<bool>,
    inner: StoredValue<Rc<Inner<I, O>>, LocalStorage>,
}

impl<I: 'static, O: 'static> Clone for Call<I, O> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<I: 'static, O: 'static> Copy for Call<I, O> {}

impl<I: 'static, O: Clone + 'static> Call<I, O> {
    /// A call whose runs are `run(api, input)`; `api` carries this run's abort signal.
    pub fn new<Fut>(run: impl Fn(ApiClient, I) -> Fut + 'static) -> Self
    where
        Fut: Future<Output = Result<O, ApiError>> + 'static,
    {
        let runs = Rc::new(Runs {
            alive: Cell::new(true),
            ..Runs::default()
        });
        // The owner's cleanups run before its stored values go, so the runs are still there.
        let on_leave = StoredValue::new_local(Rc::clone(&runs));
        on_cleanup(move || {
            if let Some(runs) = on_leave.try_get_value() {
                runs.alive.set(false);
                if !runs.keep_on_leave.get() {
                    runs.abort_all();
                }
            }
        });
        let inner = Inner {
            run: Rc::new(move |api, input| Box::pin(run(api, input))),
            api: use_api(),
            session: use_session(),
            runs,
            on_ok: RefCell::new(None),
            on_err: RefCell::new(None),
        };
        Call {
            value: RwSignal::new_local(None),
            error: RwSignal::new_local(None),
            pending: RwSignal::new(false),
            inner: StoredValue::new_local(Rc::new(inner)),
        }
    }

    /// The success step, run with the answer of a run whose answer is shown.
    pub fn on_ok(self, step: impl Fn(&O) + 'static) -> Self {
        self.with_inner(|i| *i.on_ok.borrow_mut() = Some(Rc::new(step)));
        self
    }

    /// The failure step (not run when the failure ended the session: that is handled here).
    pub fn on_err(self, step: impl Fn(&ApiError) + 'static) -> Self {
        self.with_inner(|i| *i.on_err.borrow_mut() = Some(Rc::new(step)));
        self
    }

    /// Every run's answer is shown, not only the latest (row actions on different rows).
    pub fn every_answer(self) -> Self {
        self.with_inner(|i| i.runs.every_answer.set(true));
        self
    }

    /// Runs still out when the page goes away are not aborted (a delete the user was already
    /// promised, sent as the page closes). Their answers are not shown.
    pub fn keep_on_leave(self) -> Self {
        self.with_inner(|i| i.runs.keep_on_leave.set(true));
        self
    }

    fn with_inner(&self, f: impl FnOnce(&Inner<I, O>)) {
        if let Some(inner) = self.inner.try_get_value() {
            f(&inner);
        }
    }

    /// Starts a run.
    pub fn dispatch(&self, input: I) {
        let Some(inner) = self.inner.try_get_value() else {
            return;
        };
        let (id, abort) = inner.runs.start();
        let future = (inner.run)(inner.api.with_abort(&abort), input);
        self.pending.try_set(true);
        self.error.try_set(None);
        let (value, error, pending) = (self.value, self.error, self.pending);
        spawn_local(async move {
            let result = future.await;
            let shown = inner.runs.finish(id);
            if !inner.runs.busy() {
                pending.try_set(false);
            }
            if !shown {
                return;
            }
            match result {
                Ok(v) => {
                    let step = inner.on_ok.borrow().clone();
                    if let Some(step) = step {
                        step(&v);
                    }
                    value.try_set(Some(v));
                }
                // A logged-in user whose session ended logs in again; a logged-out form
                // that gets such an answer shows it like any other failure.
                Err(e) if e.is_session_end() && inner.session.expire() => {}
                Err(e) => {
                    let step = inner.on_err.borrow().clone();
                    if let Some(step) = step {
                        step(&e);
                    }
                    error.try_set(Some(e));
                }
            }
        });
    }

    /// Aborts every run that is still out (their answers then are [`ApiError::Aborted`]).
    pub fn abort(&self) {
        self.with_inner(|i| i.runs.abort_all());
    }

    /// Forgets the last value and error.
    pub fn clear(&self) {
        self.value.try_set(None);
        self.error.try_set(None);
    }

    /// The latest shown answer (tracked).
    pub fn value(&self) -> Option<O> {
        self.value.try_get().flatten()
    }

    /// [`Self::value`], untracked.
    pub fn value_untracked(&self) -> Option<O> {
        self.value.try_get_untracked().flatten()
    }

    /// The latest error (tracked); never a session end (that one logs out).
    pub fn error(&self) -> Option<ApiError> {
        self.error.try_get().flatten()
    }

    /// The latest error as the user reads it, in the current language (tracked).
    pub fn message(&self) -> Signal<Option<String>> {
        let error = self.error;
        let i18n = crate::i18n::use_i18n();
        Signal::derive(move || {
            error
                .try_with(|e| {
                    e.as_ref()
                        .map(|e| crate::errors::error_message(e, i18n.t()))
                })
                .flatten()
        })
    }

    /// Whether a run is out (a signal for views and props).
    pub fn pending(&self) -> Signal<bool> {
        self.pending.into()
    }

    /// Whether the call has neither a value nor an error yet (a page still loading).
    pub fn loading(&self) -> bool {
        self.value.try_with(Option::is_none).unwrap_or(true)
            && self.error.try_with(Option::is_none).unwrap_or(true)
    }
}

impl<O: Clone + 'static> Call<(), O> {
    /// A page load: a call without input that starts at once (and again on [`Call::reload`]).
    pub fn load<Fut>(run: impl Fn(ApiClient) -> Fut + 'static) -> Self
    where
        Fut: Future<Output = Result<O, ApiError>> + 'static,
    {
        let call = Call::new(move |api, _: ()| run(api));
        call.dispatch(());
        call
    }

    /// Runs again from a clean state: no value, no error (the spinner shows at once).
    pub fn reload(&self) {
        self.clear();
        self.dispatch(());
    }
}
