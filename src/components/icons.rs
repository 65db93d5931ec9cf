//! Small inline SVG icons (24×24, `currentColor`), decorative: the control that holds one carries
//! the accessible name.

use leptos::prelude::*;

macro_rules! icon {
    ($(#[$doc:meta])* $name:ident, $($d:literal),+) => {
        $(#[$doc])*
        #[component]
        pub fn $name() -> impl IntoView {
            view! {
                <svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
                    $(<path d=$d fill="currentColor"/>)+
                </svg>
            }
        }
    };
}

icon!(/// ×
    IconClose, "M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12 19 17.6 17.6 19 12 13.4 6.4 19 5 17.6 10.6 12 5 6.4z");
icon!(/// ←
    IconBack, "M20 11v2H7.8l5.6 5.6L12 20l-8-8 8-8 1.4 1.4L7.8 11z");
icon!(/// A door with an arrow.
    IconLogout, "M5 3h8v2H5v14h8v2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm11.6 4.4L21.2 12l-4.6 4.6-1.4-1.4 2.2-2.2H9v-2h8.4l-2.2-2.2z");
icon!(/// A person.
    IconPerson, "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm0 2c-3.3 0-8 1.7-8 5v1h16v-1c0-3.3-4.7-5-8-5z");
icon!(/// An open eye.
    IconEye, "M12 5c-5 0-9 4.5-10 7 1 2.5 5 7 10 7s9-4.5 10-7c-1-2.5-5-7-10-7zm0 11.5a4.5 4.5 0 1 1 0-9 4.5 4.5 0 0 1 0 9zm0-2.5a2 2 0 1 0 0-4 2 2 0 0 0 0 4z");
icon!(/// A crossed-out eye.
    IconEyeOff, "M3.3 2 2 3.3l3.1 3.1C3.6 7.7 2.5 9.5 2 12c1 2.5 5 7 10 7 1.7 0 3.3-.5 4.6-1.3l4.1 4 1.3-1.2zM12 16.5A4.5 4.5 0 0 1 7.7 10.9l1.6 1.6A2.5 2.5 0 0 0 12 14.7l1.6 1.6c-.5.1-1 .2-1.6.2zM12 5c-1.2 0-2.3.2-3.3.6l2 2a4.5 4.5 0 0 1 5.7 5.7l3 3c1.3-1.2 2.2-2.7 2.6-3.8-1-2.5-5-7.5-10-7.5z");
icon!(/// A cloud.
    IconCloud, "M19 10.1A7 7 0 0 0 5.9 8 5.5 5.5 0 0 0 6.5 19H19a4.5 4.5 0 0 0 0-8.9z");
icon!(/// A globe, for the language switch.
    IconLanguage, "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm6.9 6h-3a15.6 15.6 0 0 0-1.3-3.6A8 8 0 0 1 18.9 8zM12 4c.8 1.2 1.5 2.5 1.9 4h-3.8c.4-1.5 1.1-2.8 1.9-4zM4.3 14a8 8 0 0 1 0-4h3.4a16 16 0 0 0 0 4zm.8 2h3c.3 1.3.8 2.5 1.3 3.6A8 8 0 0 1 5.1 16zm3-8h-3a8 8 0 0 1 4.3-3.6C8.9 5.5 8.4 6.7 8.1 8zM12 20c-.8-1.2-1.5-2.5-1.9-4h3.8c-.4 1.5-1.1 2.8-1.9 4zm2.3-6H9.7a14.6 14.6 0 0 1 0-4h4.6a14.6 14.6 0 0 1 0 4zm.3 5.6c.5-1.1 1-2.3 1.3-3.6h3a8 8 0 0 1-4.3 3.6zm1.7-5.6a16 16 0 0 0 0-4h3.4a8 8 0 0 1 0 4z");

icon!(/// ⋮
    IconMore, "M12 8a2 2 0 1 0 0-4 2 2 0 0 0 0 4zm0 2a2 2 0 1 0 0 4 2 2 0 0 0 0-4zm0 6a2 2 0 1 0 0 4 2 2 0 0 0 0-4z");

icon!(/// A cog.
    IconSettings, "M19.4 13a7.6 7.6 0 0 0 0-2l2.1-1.6-2-3.5-2.5 1a7.4 7.4 0 0 0-1.7-1L15 3h-4l-.4 2.9c-.6.3-1.2.6-1.7 1l-2.5-1-2 3.5L6.6 11a7.6 7.6 0 0 0 0 2l-2.1 1.6 2 3.5 2.5-1c.5.4 1.1.7 1.7 1L11 21h4l.4-2.9c.6-.3 1.2-.6 1.7-1l2.5 1 2-3.5zM13 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7z");

icon!(/// A shopping cart.
    IconCart, "M7 18a2 2 0 1 0 0 4 2 2 0 0 0 0-4zm10 0a2 2 0 1 0 0 4 2 2 0 0 0 0-4zM3 2v2h2l3.6 7.6-1.4 2.4A2 2 0 0 0 9 17h12v-2H9.4l1.1-2h7.4a2 2 0 0 0 1.8-1l3.6-6.5L21.5 4H7.2l-.9-2z");
icon!(/// A waste bin.
    IconBin, "M9 3h6l1 1h4v2H4V4h4zM6 7h12l-1 13a2 2 0 0 1-2 1.9H9A2 2 0 0 1 7 20zm3 3v9h2v-9zm4 0v9h2v-9z");
icon!(/// A person with a minus.
    IconPersonOff, "M10 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm0 2c-3.3 0-8 1.7-8 5v1h16v-1c0-3.3-4.7-5-8-5zm6-5h6v2h-6z");

/// The OsmAnd mark in a light circle (the logged-out panel).
#[component]
pub fn OsmAndLogo() -> impl IntoView {
    view! {
        <svg class="logo" viewBox="0 0 72 72" width="72" height="72" aria-hidden="true" focusable="false">
            <circle cx="36" cy="36" r="36" fill="#eef1fb"/>
            <circle cx="36" cy="33" r="15" fill="none" stroke="#ff8800" stroke-width="6"/>
            <path d="M36 48 27 60h18z" fill="#237bff"/>
        </svg>
    }
}
