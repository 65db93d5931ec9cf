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

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use osmand_api::error::ApiError;

use crate::ctx::{use_api, Abort, ApiClient, WithAbort};
use crate::session::{use_session, Session};

/// The part of a call that does not depend on its input or answer types, so its code exists
/// once in the bundle: in-flight runs and their abort handles, whether the page lives, the
/// session, the error and pending signals, and the failure step.
struct Core {
    api: ApiClient,
    session: Session,
    latest: Cell<u32>,
    in_flight: RefCell<Vec<(u32, Abort)>>,
    alive: Cell<bool>,
    every_answer: Cell<bool>,
    keep_on_leave: Cell<bool>,
    error: RwSignal<Option<ApiError>, LocalStorage>,
    pending: RwSignal<bool>,
    on_err: RefCell<Step<ApiError>>,
    /// The call's [`Typed`] part (one stored value type for every call: each distinct stored
    /// type costs arena code in the bundle).
    typed: Box<dyn Any>,
}

/// A step run with a value (the success or failure step), once set.
type Step<T> = Option<Rc<dyn Fn(&T)>>;

/// What a finished run hands back: the step that shows its value, or its error.
type Answer = Result<Box<dyn FnOnce()>, ApiError>;

impl Core {
    fn new(typed: Box<dyn Any>) -> Rc<Self> {
        let core = Rc::new(Core {
            api: use_api(),
            session: use_session(),
            latest: Cell::new(0),
            in_flight: RefCell::new(Vec::new()),
            alive: Cell::new(true),
            every_answer: Cell::new(false),
            keep_on_leave: Cell::new(false),
            error: RwSignal::new_local(None),
            pending: RwSignal::new(false),
            on_err: RefCell::new(None),
            typed,
        });
        // The owner's cleanups run before its stored values go, so the core is still there.
        let on_leave = StoredValue::new_local(Rc::clone(&core));
        on_cleanup(move || {
            if let Some(core) = on_leave.try_get_value() {
                core.alive.set(false);
                if !core.keep_on_leave.get() {
                    core.abort();
                }
            }
        });
        core
    }

    /// A new run: its id and the client that carries its abort signal.
    fn start(&self) -> (u32, ApiClient) {
        let id = self.latest.get().wrapping_add(1);
        self.latest.set(id);
        let abort = Abort::new();
        let api = self.api.with_abort(&abort);
        self.in_flight.borrow_mut().push((id, abort));
        self.pending.try_set(true);
        self.error.try_set(None);
        (id, api)
    }

    /// Waits for run `id` and shows its answer if it is the one to show.
    fn finish(self: Rc<Self>, id: u32, answer: Pin<Box<dyn Future<Output = Answer>>>) {
        spawn_local(async move {
            let answer = answer.await;
            self.in_flight.borrow_mut().retain(|(i, _)| *i != id);
            if self.in_flight.borrow().is_empty() {
                self.pending.try_set(false);
            }
            let shown = self.alive.get() && (self.every_answer.get() || self.latest.get() == id);
            if !shown {
                return;
            }
            match answer {
                Ok(show) => show(),
                // A logged-in user whose session ended logs in again; a logged-out form that
                // gets such an answer shows it like any other failure.
                Err(e) if e.is_session_end() && self.session.expire() => {}
                Err(e) => {
                    let step = self.on_err.borrow().clone();
                    if let Some(step) = step {
                        step(&e);
                    }
                    self.error.try_set(Some(e));
                }
            }
        });
    }

    fn abort(&self) {
        let runs = std::mem::take(&mut *self.in_flight.borrow_mut());
        for (_, abort) in runs {
            abort.abort();
        }
    }
}

type Run<I, O> = Box<dyn Fn(ApiClient, I) -> Pin<Box<dyn Future<Output = Result<O, ApiError>>>>>;

/// The typed part: how a run starts, and the success step.
struct Typed<I, O> {
    run: Run<I, O>,
    on_ok: RefCell<Step<O>>,
}

/// A server call owned by a page (a `Copy` handle): see the module header.
pub struct Call<I: 'static, O: 'static> {
    value: RwSignal<Option<O>, LocalStorage>,
    core: StoredValue<Rc<Core>, LocalStorage>,
    types: PhantomData<fn(I) -> O>,
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
        let typed: Typed<I, O> = Typed {
            run: Box::new(move |api, input| Box::pin(run(api, input))),
            on_ok: RefCell::new(None),
        };
        Call {
            value: RwSignal::new_local(None),
            core: StoredValue::new_local(Core::new(Box::new(typed))),
            types: PhantomData,
        }
    }

    /// The success step, run with the answer of a run whose answer is shown.
    pub fn on_ok(self, step: impl Fn(&O) + 'static) -> Self {
        self.with_core(|c| {
            if let Some(t) = c.typed.downcast_ref::<Typed<I, O>>() {
                *t.on_ok.borrow_mut() = Some(Rc::new(step));
            }
        });
        self
    }

    /// The failure step (not run when the failure ended the session: that is handled here).
    pub fn on_err(self, step: impl Fn(&ApiError) + 'static) -> Self {
        self.with_core(|c| *c.on_err.borrow_mut() = Some(Rc::new(step)));
        self
    }

    /// Every run's answer is shown, not only the latest (row actions on different rows).
    pub fn every_answer(self) -> Self {
        self.with_core(|c| c.every_answer.set(true));
        self
    }

    /// Runs still out when the page goes away are not aborted (a delete the user was already
    /// promised, sent as the page closes). Their answers are not shown.
    pub fn keep_on_leave(self) -> Self {
        self.with_core(|c| c.keep_on_leave.set(true));
        self
    }

    fn with_core(&self, f: impl FnOnce(&Core)) {
        if let Some(core) = self.core.try_get_value() {
            f(&core);
        }
    }

    /// Starts a run.
    pub fn dispatch(&self, input: I) {
        let Some(core) = self.core.try_get_value() else {
            return;
        };
        let Some(typed) = core.typed.downcast_ref::<Typed<I, O>>() else {
            return;
        };
        let (id, api) = core.start();
        let run = (typed.run)(api, input);
        let on_ok = typed.on_ok.borrow().clone();
        let value = self.value;
        let answer = async move {
            run.await.map(|v| {
                Box::new(move || {
                    if let Some(step) = on_ok {
                        step(&v);
                    }
                    value.try_set(Some(v));
                }) as Box<dyn FnOnce()>
            })
        };
        core.finish(id, Box::pin(answer));
    }

    /// Aborts every run that is still out (their answers then are [`ApiError::Aborted`]).
    pub fn abort(&self) {
        self.with_core(Core::abort);
    }

    /// Forgets the last value and error.
    pub fn clear(&self) {
        self.value.try_set(None);
        self.with_core(|c| {
            c.error.try_set(None);
        });
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
        self.core
            .try_get_value()
            .and_then(|c| c.error.try_get().flatten())
    }

    /// The latest error as the user reads it, in the current language (tracked).
    pub fn message(&self) -> Signal<Option<String>> {
        let core = self.core;
        let i18n = crate::i18n::use_i18n();
        Signal::derive(move || {
            let c = core.try_get_value()?;
            c.error
                .try_with(|e| {
                    e.as_ref()
                        .map(|e| crate::errors::error_message(e, i18n.t()))
                })
                .flatten()
        })
    }

    /// Whether a run is out (a signal for views and props).
    pub fn pending(&self) -> Signal<bool> {
        let core = self.core;
        Signal::derive(move || {
            core.try_get_value()
                .and_then(|c| c.pending.try_get())
                .unwrap_or(false)
        })
    }

    /// Whether the call has neither a value nor an error yet (a page still loading).
    pub fn loading(&self) -> bool {
        self.value.try_with(Option::is_none).unwrap_or(true) && self.error().is_none()
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
