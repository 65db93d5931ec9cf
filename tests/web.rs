//! Component tests in headless Chromium (wasm-bindgen-test). Run with `make test` or
//! `scripts/wasm.sh cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use leptos::prelude::*;
use leptos::task::tick;
use osmand_account::auth::{LoginFailure, LoginForm};
use osmand_account::i18n::{I18n, Locale};
use osmand_api::error::ApiError;
use osmand_api::http::{Body, HttpRequest, Method, Transport};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{HtmlButtonElement, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn host() -> HtmlElement {
    let el = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

fn q<T: JsCast>(root: &HtmlElement, sel: &str) -> T {
    root.query_selector(sel)
        .unwrap()
        .unwrap_or_else(|| panic!("no element {sel}"))
        .unchecked_into()
}

fn type_into(input: &HtmlInputElement, text: &str) {
    input.set_value(text);
    let ev = web_sys::Event::new("input").unwrap();
    input.dispatch_event(&ev).unwrap();
}

struct Form {
    email: RwSignal<String>,
    password: RwSignal<String>,
    failure: RwSignal<Option<LoginFailure>>,
    submits: RwSignal<u32>,
    pending: RwSignal<bool>,
}

fn mount_form(
    root: &HtmlElement,
    locale: Locale,
) -> (Form, leptos::mount::UnmountHandle<impl Mountable>) {
    let f = Form {
        email: RwSignal::new(String::new()),
        password: RwSignal::new(String::new()),
        failure: RwSignal::new(None),
        submits: RwSignal::new(0),
        pending: RwSignal::new(false),
    };
    let (email, password, failure, submits, pending) =
        (f.email, f.password, f.failure, f.submits, f.pending);
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(I18n::new(locale));
        view! {
            <LoginForm
                email=email
                password=password
                remember=RwSignal::new(false)
                pending=pending
                failure=failure
                on_submit=Callback::new(move |_| submits.update(|n| *n += 1))
            />
        }
    });
    (f, handle)
}

#[wasm_bindgen_test]
async fn continue_is_disabled_until_both_fields_are_filled() {
    let root = host();
    let (f, _h) = mount_form(&root, Locale::En);
    let button: HtmlButtonElement = q(&root, "#se-submit-login");
    assert!(button.disabled());
    type_into(&q(&root, "#username"), "demo@example.com");
    tick().await;
    assert!(button.disabled());
    type_into(&q(&root, "#pwd"), "demo-password");
    tick().await;
    assert!(!button.disabled());
    assert_eq!(f.email.get_untracked(), "demo@example.com");
    button.click();
    tick().await;
    assert_eq!(f.submits.get_untracked(), 1);
    // While a request is in flight the button is disabled and says so: no double submit.
    f.pending.set(true);
    tick().await;
    assert!(button.disabled());
    assert_eq!(button.text_content().unwrap(), "Signing in…");
    button.click();
    tick().await;
    assert_eq!(f.submits.get_untracked(), 1);
}

#[wasm_bindgen_test]
async fn server_errors_show_under_the_right_field() {
    let root = host();
    let (f, _h) = mount_form(&root, Locale::En);
    f.failure.set(Some(LoginFailure::EmailUnknown));
    tick().await;
    let email: HtmlInputElement = q(&root, "#username");
    assert_eq!(email.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        email.get_attribute("aria-describedby").as_deref(),
        Some("username-error")
    );
    let msg: HtmlElement = q(&root, "#username-error");
    assert_eq!(
        msg.text_content().unwrap(),
        "There is no OsmAnd Cloud account with this e-mail address."
    );
    assert!(root
        .query_selector("#se-login-create-account")
        .unwrap()
        .is_some());
    f.failure.set(Some(LoginFailure::WrongPassword));
    tick().await;
    assert_eq!(
        q::<HtmlElement>(&root, "#pwd-error")
            .text_content()
            .unwrap(),
        "Incorrect password."
    );
    assert!(root
        .query_selector("#se-login-create-account")
        .unwrap()
        .is_none());
    f.failure.set(Some(LoginFailure::Other(ApiError::Server {
        status: 500,
        text: String::new(),
    })));
    tick().await;
    let banner: HtmlElement = q(&root, "#se-login-error");
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    assert!(banner.text_content().unwrap().contains("error 500"));
}

#[wasm_bindgen_test]
async fn the_form_speaks_dutch() {
    let root = host();
    let (f, _h) = mount_form(&root, Locale::Nl);
    f.failure.set(Some(LoginFailure::WrongPassword));
    tick().await;
    assert_eq!(
        q::<HtmlElement>(&root, "label[for=pwd]")
            .text_content()
            .unwrap(),
        "Wachtwoord"
    );
    assert_eq!(
        q::<HtmlElement>(&root, "#pwd-error")
            .text_content()
            .unwrap(),
        "Onjuist wachtwoord."
    );
    assert_eq!(
        q::<HtmlElement>(&root, "#se-submit-login")
            .text_content()
            .unwrap(),
        "Doorgaan"
    );
}

#[wasm_bindgen_test]
async fn the_eye_button_reveals_the_password() {
    let root = host();
    let (_f, _h) = mount_form(&root, Locale::En);
    let pwd: HtmlInputElement = q(&root, "#pwd");
    assert_eq!(pwd.type_(), "password");
    let eye: HtmlButtonElement = q(&root, ".field__reveal");
    assert_eq!(
        eye.get_attribute("aria-label").as_deref(),
        Some("Show password")
    );
    eye.click();
    tick().await;
    assert_eq!(pwd.type_(), "text");
    assert_eq!(eye.get_attribute("aria-pressed").as_deref(), Some("true"));
}

#[wasm_bindgen_test]
async fn browser_transport_maps_real_fetch_failures() {
    let t = osmand_api::browser::BrowserTransport::default();
    // The test runner's own server answers 404 for unknown paths.
    let resp = t
        .send(HttpRequest {
            method: Method::Get,
            url: "/mapapi/no-such-endpoint".into(),
            body: Body::Empty,
        })
        .await
        .expect("the runner's server answers");
    let err = osmand_api::http::classify(resp).unwrap_err();
    assert!(matches!(err, ApiError::Http { status: 404, .. }), "{err:?}");
    // Nothing listens on port 9 of loopback: a network error, not a panic.
    let err = t
        .send(HttpRequest {
            method: Method::Get,
            url: "http://127.0.0.1:9/".into(),
            body: Body::Empty,
        })
        .await
        .unwrap_err();
    assert!(matches!(err, ApiError::Network(_)), "{err:?}");
}

/// Settles spawned futures: each JS promise resolution and Leptos task takes a microtask turn.
async fn settle() {
    for _ in 0..4 {
        tick().await;
    }
}

/// Calls that wait until the test answers them by hand, in any order.
#[derive(Clone, Default)]
struct HandCalls(std::rc::Rc<std::cell::RefCell<Vec<js_sys::Function>>>);

impl HandCalls {
    /// A new call; it answers `answer` once [`Self::resolve`]d.
    fn call<T: 'static>(&self, answer: T) -> impl std::future::Future<Output = Option<T>> {
        let promise = js_sys::Promise::new(&mut |resolve, _| self.0.borrow_mut().push(resolve));
        async move {
            wasm_bindgen_futures::JsFuture::from(promise)
                .await
                .map(|_| answer)
                .ok()
        }
    }

    fn count(&self) -> usize {
        self.0.borrow().len()
    }

    /// Answers call `i` (0-based, in the order they were made).
    fn resolve(&self, i: usize) {
        let f = self.0.borrow()[i].clone();
        f.call0(&JsValue::NULL).unwrap();
    }
}

#[wasm_bindgen_test]
async fn a_loader_shows_only_its_latest_answer() {
    use osmand_account::task::Loader;

    let owner = Owner::new();
    owner.set();
    // Each call waits until the test answers it, and answers its call number.
    let calls = HandCalls::default();
    let c = calls.clone();
    let loader = Loader::new(move || c.call(c.count() + 1));
    assert_eq!(calls.count(), 1, "starts at once");
    assert_eq!(loader.get(), None);

    // A reload while the first call is out: the first answer is stale and never shows.
    loader.reload();
    calls.resolve(0);
    settle().await;
    assert_eq!(loader.get(), None);
    calls.resolve(1);
    settle().await;
    assert_eq!(loader.get(), Some(Some(2)));

    // Reloading goes back to "loading" at once.
    loader.reload();
    assert_eq!(loader.get(), None);
    calls.resolve(2);
    settle().await;
    assert_eq!(loader.get(), Some(Some(3)));

    // An answer that arrives after the page is gone is dropped quietly.
    loader.reload();
    owner.cleanup();
    calls.resolve(3);
    settle().await;
}

#[wasm_bindgen_test]
async fn a_task_is_pending_until_its_calls_are_in_and_keeps_the_latest_answer() {
    use osmand_account::task::Task;

    let owner = Owner::new();
    owner.set();
    let calls = HandCalls::default();
    let c = calls.clone();
    let task = Task::new(move |input: &u32| c.call(*input * 10));
    assert!(!task.pending().get_untracked());
    assert_eq!(task.value_untracked(), None);

    task.dispatch(1);
    assert!(
        task.pending().get_untracked(),
        "pending as soon as it is sent"
    );
    calls.resolve(0);
    settle().await;
    assert!(!task.pending().get_untracked());
    assert_eq!(task.value_untracked(), Some(Some(10)));

    // Two calls out: pending until both are in; the older answer, arriving last, is dropped.
    task.dispatch(2);
    task.dispatch(3);
    calls.resolve(2);
    settle().await;
    assert!(
        task.pending().get_untracked(),
        "the first call is still out"
    );
    assert_eq!(task.value_untracked(), Some(Some(30)));
    calls.resolve(1);
    settle().await;
    assert!(!task.pending().get_untracked());
    assert_eq!(task.value_untracked(), Some(Some(30)));

    // After the page is gone, dispatching does nothing and a late answer is dropped quietly.
    task.dispatch(4);
    owner.cleanup();
    task.dispatch(5);
    calls.resolve(3);
    settle().await;
    assert_eq!(calls.count(), 4, "no call after the page closed");
}
