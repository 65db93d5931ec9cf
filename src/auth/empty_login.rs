//! S2: the account panel while logged out.

use leptos::prelude::*;

use crate::components::icons::OsmAndLogo;
use crate::i18n::use_i18n;
use crate::routes::Route;

/// Logo, title, a short text and the two ways in. The caller's `children` (notices, errors) are
/// shown under the buttons.
#[component]
pub fn EmptyLogin(
    /// Where "Log in" leads (keeps a `?redirect=`).
    #[prop(into)]
    login_href: Signal<String>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="empty-login" id="se-empty-login-page">
            <OsmAndLogo/>
            <h2 class="empty-login__title">{move || i18n.t().osmand_account}</h2>
            <p class="empty-login__text">{move || i18n.t().empty_login_text}</p>
            <div class="empty-login__actions">
                <a class="btn btn--wide" id="se-login-btn" href=move || login_href.get()>
                    {move || i18n.t().log_in}
                </a>
                <a class="btn btn--wide" id="se-create-account-btn" href=Route::CreateAccount.href()>
                    {move || i18n.t().create_account}
                </a>
            </div>
            {children.map(|c| c())}
        </div>
    }
}
