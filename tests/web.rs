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
use osmand_api::http::{HttpRequest, Transport};
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
        "There is no OsmAnd Cloud account with this email address."
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
    // In the browser only English is built in: Dutch comes from its file, as after a fetch.
    osmand_account::i18n::load::install(Locale::Nl, include_str!("../i18n/nl.json")).unwrap();
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
        .send(HttpRequest::get("/mapapi/no-such-endpoint"))
        .await
        .expect("the runner's server answers");
    let err = osmand_api::http::classify(resp).unwrap_err();
    assert!(matches!(err, ApiError::Http { status: 404, .. }), "{err:?}");
    // Nothing listens on port 9 of loopback: a network error, not a panic.
    let err = t
        .send(HttpRequest::get("http://127.0.0.1:9/"))
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

/// The contexts a [`Call`] takes: a language, a client (the browser's or a mock) and a session
/// that records where it sends the user.
fn call_contexts(
    client: osmand_account::ctx::ApiClient,
) -> (
    osmand_account::session::Session,
    std::rc::Rc<std::cell::RefCell<Vec<String>>>,
) {
    provide_context(I18n::new(Locale::En));
    provide_context(client);
    let moves = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let m = moves.clone();
    let session =
        osmand_account::session::Session::new(move |href, _| m.borrow_mut().push(href.to_string()));
    provide_context(session);
    (session, moves)
}

fn mock() -> osmand_account::ctx::ApiClient {
    osmand_account::ctx::mock_client(osmand_api::mock::MockTransport::default())
}

/// A hand-answered call as a server call: `None` (never answered) becomes an abort.
async fn answered<T: 'static>(
    c: impl std::future::Future<Output = Option<T>>,
) -> Result<T, ApiError> {
    c.await.ok_or(ApiError::Aborted)
}

#[wasm_bindgen_test]
async fn a_load_shows_only_its_latest_answer() {
    use osmand_account::call::Call;

    let owner = Owner::new();
    owner.set();
    call_contexts(mock());
    // Each call waits until the test answers it, and answers its call number.
    let calls = HandCalls::default();
    let c = calls.clone();
    let shown = std::rc::Rc::new(std::cell::Cell::new(0));
    let seen = shown.clone();
    let load = Call::load(move |_| answered(c.call(c.count() + 1)))
        .on_ok(move |_| seen.set(seen.get() + 1));
    assert_eq!(calls.count(), 1, "starts at once");
    assert_eq!(load.value_untracked(), None);
    assert!(load.loading());

    // A reload while the first call is out: the first answer is stale and never shows.
    load.reload();
    calls.resolve(0);
    settle().await;
    assert_eq!(load.value_untracked(), None);
    calls.resolve(1);
    settle().await;
    assert_eq!(load.value_untracked(), Some(2));

    // Reloading goes back to "loading" at once.
    load.reload();
    assert_eq!(load.value_untracked(), None);
    calls.resolve(2);
    settle().await;
    assert_eq!(load.value_untracked(), Some(3));

    assert_eq!(shown.get(), 2, "the stale answer's step never ran");

    // An answer that arrives after the page is gone is dropped quietly: no step runs.
    load.reload();
    owner.cleanup();
    calls.resolve(3);
    settle().await;
    assert_eq!(shown.get(), 2);
    assert_eq!(load.value_untracked(), None);
}

#[wasm_bindgen_test]
async fn a_call_is_pending_until_its_runs_are_in_and_runs_its_steps_for_the_latest() {
    use osmand_account::call::Call;

    let owner = Owner::new();
    owner.set();
    call_contexts(mock());
    let calls = HandCalls::default();
    let c = calls.clone();
    let oks = RwSignal::new(Vec::<u32>::new());
    let call = Call::new(move |_, input: u32| answered(c.call(input * 10)))
        .on_ok(move |v: &u32| oks.update(|o| o.push(*v)));
    assert!(!call.pending().get_untracked());
    assert_eq!(call.value_untracked(), None);

    call.dispatch(1);
    assert!(
        call.pending().get_untracked(),
        "pending as soon as it is sent"
    );
    calls.resolve(0);
    settle().await;
    assert!(!call.pending().get_untracked());
    assert_eq!(call.value_untracked(), Some(10));

    // Two runs out: pending until both are in; the older answer, arriving last, is dropped,
    // and its success step never runs.
    call.dispatch(2);
    call.dispatch(3);
    calls.resolve(2);
    settle().await;
    assert!(call.pending().get_untracked(), "the first run is still out");
    assert_eq!(call.value_untracked(), Some(30));
    calls.resolve(1);
    settle().await;
    assert!(!call.pending().get_untracked());
    assert_eq!(call.value_untracked(), Some(30));
    assert_eq!(oks.get_untracked(), [10, 30]);

    // After the page is gone, dispatching does nothing and a late answer is dropped quietly.
    call.dispatch(4);
    owner.cleanup();
    call.dispatch(5);
    calls.resolve(3);
    settle().await;
    assert_eq!(calls.count(), 4, "no run after the page closed");
}

#[wasm_bindgen_test]
async fn a_call_that_finds_the_session_gone_logs_out_in_one_place() {
    use osmand_account::call::Call;
    use osmand_account::session::SessionStatus;

    let owner = Owner::new();
    owner.set();
    let (session, moves) = call_contexts(mock());
    session.log_in(
        osmand_api::models::AuthInfo {
            username: "a@b.c".into(),
            roles: vec![],
        },
        "/map/account/",
    );
    let failed = RwSignal::new(0);
    let call = Call::new(|_, _: ()| async { Err::<(), _>(ApiError::Unauthorized) })
        .on_err(move |_| failed.update(|n| *n += 1));
    call.dispatch(());
    settle().await;
    assert_eq!(session.status.get_untracked(), SessionStatus::LoggedOut);
    assert_eq!(
        failed.get_untracked(),
        0,
        "no error step: the session handled it"
    );
    assert_eq!(call.error(), None);
    assert!(moves
        .borrow()
        .last()
        .unwrap()
        .starts_with("/map/account/login"));

    // Logged out already (a login form): the same answer is an error like any other.
    call.dispatch(());
    settle().await;
    assert_eq!(failed.get_untracked(), 1);
    assert_eq!(call.error(), Some(ApiError::Unauthorized));
}

#[wasm_bindgen_test]
async fn leaving_the_page_aborts_the_request_unless_it_was_promised() {
    use osmand_account::call::Call;
    use osmand_account::ctx::AppTransport;

    fn signal_of(api: &osmand_account::ctx::ApiClient) -> web_sys::AbortSignal {
        match api.transport() {
            AppTransport::Browser(t) => t.abort_signal().cloned().expect("a run has a signal"),
            AppTransport::Mock(_) => panic!("the browser's client"),
        }
    }

    let owner = Owner::new();
    owner.set();
    call_contexts(osmand_account::ctx::browser_client());
    let calls = HandCalls::default();
    let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let (c, s) = (calls.clone(), seen.clone());
    let page_load = Call::new(move |api, _: ()| {
        s.borrow_mut().push(signal_of(&api));
        answered(c.call(()))
    });
    let (c, s) = (calls.clone(), seen.clone());
    let promised = Call::new(move |api, _: ()| {
        s.borrow_mut().push(signal_of(&api));
        answered(c.call(()))
    })
    .keep_on_leave();
    page_load.dispatch(());
    promised.dispatch(());
    assert!(!seen.borrow()[0].aborted());
    owner.cleanup();
    assert!(seen.borrow()[0].aborted(), "the page's request is aborted");
    assert!(!seen.borrow()[1].aborted(), "a promised request goes on");

    // Cancel aborts a run while the page lives.
    let owner = Owner::new();
    owner.set();
    call_contexts(osmand_account::ctx::browser_client());
    let (c, s) = (calls.clone(), seen.clone());
    let download = Call::new(move |api, _: ()| {
        s.borrow_mut().push(signal_of(&api));
        answered(c.call(()))
    });
    download.dispatch(());
    download.abort();
    assert!(seen.borrow()[2].aborted());
}

/// Every language file reads through the browser's own `JSON.parse` (the path the app takes
/// after a fetch), not only through serde_json as in the native completeness test.
#[wasm_bindgen_test]
fn every_language_file_reads_in_the_browser() {
    use osmand_account::i18n::load;
    let files = [
        (Locale::Ar, include_str!("../i18n/ar.json"), "حذف الحساب"),
        (Locale::De, include_str!("../i18n/de.json"), ""),
        (Locale::Es, include_str!("../i18n/es.json"), ""),
        (Locale::Fr, include_str!("../i18n/fr.json"), ""),
        (Locale::It, include_str!("../i18n/it.json"), ""),
        (
            Locale::Nl,
            include_str!("../i18n/nl.json"),
            "Account verwijderen",
        ),
        (Locale::Pl, include_str!("../i18n/pl.json"), ""),
        (Locale::Pt, include_str!("../i18n/pt.json"), ""),
        (Locale::Tr, include_str!("../i18n/tr.json"), ""),
        (Locale::Uk, include_str!("../i18n/uk.json"), ""),
    ];
    for (l, text, delete_title) in files {
        let t = load::parse(text).unwrap_or_else(|e| panic!("{l:?}: {e}"));
        assert_ne!(t.log_in, Locale::En.strings().log_in, "{l:?} still English");
        assert_eq!(t.months.len(), 12);
        if !delete_title.is_empty() {
            assert_eq!(t.delete_account_title, delete_title, "{l:?}");
        }
    }
    // A file with a key too many or too few is refused, not half read.
    assert!(load::parse(r#"{"app_title": "x"}"#).is_err());
    assert!(load::parse("not json").is_err());
}
