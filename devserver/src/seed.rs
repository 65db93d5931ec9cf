//! The demo data (`--seed demo`, `POST /dev/reset`) and the building blocks of
//! `POST /dev/accounts`. All times are relative to the clock's "now".

use rusqlite::Connection;
use serde_json::{json, Value};

use crate::accounts::{self, NewDevice};
use crate::clock::{DAY_MS, HOUR_MS};
use crate::error::{ApiError, ApiResult};
use crate::files::{self, NewVersion};
use crate::purchases::{self, NewSubscription};

pub const DEMO_EMAIL: &str = "demo@example.com";
pub const DEMO_PASSWORD: &str = "demo-password";
pub const FREE_EMAIL: &str = "start@example.com";
pub const FREE_PASSWORD: &str = "start-password";
/// The demo account's `orderid`: its active FastSpring Pro subscription.
pub const DEMO_ORDER_ID: &str = "FS-DEMO-1001";
/// The account OsmAnd's own browser suite logs in with (hard-coded there; see
/// `../shared/reference/osmand-browser-tests.md` §3): paid, its first subscription "OsmAnd Promo".
pub const SUITE_EMAIL: &str = "osmand@grr.la";
pub const SUITE_PASSWORD: &str = "0xDEADBEEF";
const SUITE_ORDER_ID: &str = "FS-SUITE-2001";

fn hash(password: &str, cost: u32) -> ApiResult<String> {
    bcrypt::hash(password, cost).map_err(|e| ApiError::Internal(format!("bcrypt: {e}")))
}

/// Creates an account with a web device for `password`; returns (account id, web device id).
pub fn account_with_password(
    conn: &Connection,
    email: &str,
    password: &str,
    cost: u32,
    regtime: i64,
) -> ApiResult<(i64, i64)> {
    let hashed = hash(password, cost)?;
    let id = accounts::create(conn, email, regtime)?;
    let web = accounts::add_device(
        conn,
        &NewDevice {
            userid: id,
            deviceid: "web",
            accesstoken: Some(&hashed),
            lang: Some("en"),
            brand: "OsmAnd",
            model: "Web",
            updatetime: regtime,
        },
    )?;
    Ok((id, web))
}

/// Wipes everything and loads the demo accounts.
pub fn demo(conn: &Connection, now: i64, cost: u32) -> ApiResult<()> {
    crate::db::wipe(conn)?;
    let (demo, web) =
        account_with_password(conn, DEMO_EMAIL, DEMO_PASSWORD, cost, now - 430 * DAY_MS)?;
    conn.execute(
        "UPDATE accounts SET nickname = 'Demo' WHERE id = ?1",
        [demo],
    )?;
    demo_files(conn, demo, web, now)?;
    demo_purchases(conn, demo, now)?;
    accounts::set_orderid(conn, demo, Some(DEMO_ORDER_ID))?;

    let (free, free_web) =
        account_with_password(conn, FREE_EMAIL, FREE_PASSWORD, cost, now - 45 * DAY_MS)?;
    free_files(conn, free, free_web, now)?;

    let (suite, suite_web) =
        account_with_password(conn, SUITE_EMAIL, SUITE_PASSWORD, cost, now - 200 * DAY_MS)?;
    demo_files(conn, suite, suite_web, now)?;
    suite_purchases(conn, suite, now)?;
    Ok(())
}

/// The browser suite's account: Pro through a FastSpring annual, and a newer "OsmAnd Promo"
/// subscription that lists first (`…/purchases/sub0`) with an expiry date and a store.
fn suite_purchases(conn: &Connection, userid: i64, now: i64) -> ApiResult<()> {
    make_pro(conn, userid, SUITE_ORDER_ID, now)?;
    purchases::add_subscription(
        conn,
        &NewSubscription {
            userid: Some(userid),
            orderid: "FS-SUITE-PROMO-1",
            sku: "net.osmand.fastspring.subscription.promo.annual",
            start_time: now - 10 * DAY_MS,
            expire_time: now + 355 * DAY_MS,
            autorenewing: false,
            paid: true,
            valid: true,
        },
    )?;
    Ok(())
}

/// An active FastSpring Pro annual subscription linked as the account's `orderid`.
pub fn make_pro(conn: &Connection, userid: i64, orderid: &str, now: i64) -> ApiResult<()> {
    purchases::add_subscription(
        conn,
        &NewSubscription {
            userid: Some(userid),
            orderid,
            sku: "net.osmand.fastspring.subscription.pro.annual",
            start_time: now - 30 * DAY_MS,
            expire_time: now + 335 * DAY_MS,
            autorenewing: true,
            paid: true,
            valid: true,
        },
    )?;
    accounts::set_orderid(conn, userid, Some(orderid))?;
    Ok(())
}

fn demo_purchases(conn: &Connection, userid: i64, now: i64) -> ApiResult<()> {
    let d = DAY_MS;
    // (orderid, sku, start, expire, autorenewing, paid, valid) → resulting state
    let subs: [(&str, &str, i64, i64, bool, bool, bool); 9] = [
        // active
        (
            DEMO_ORDER_ID,
            "net.osmand.fastspring.subscription.pro.annual",
            -100 * d,
            265 * d,
            true,
            true,
            true,
        ),
        // cancelled
        (
            "GPA.3345-1234-5678-90123",
            "osmand_pro_monthly_full",
            -20 * d,
            10 * d,
            false,
            true,
            true,
        ),
        // in_grace_period
        (
            "280000123456789",
            "net.osmand.maps.subscription.pro.annual",
            -368 * d,
            4 * d,
            true,
            false,
            true,
        ),
        // on_hold
        (
            "HW-2024-77001",
            "net.osmand.huawei.monthly.pro",
            -33 * d,
            -3 * d,
            true,
            false,
            false,
        ),
        // paused
        (
            "AMZ-5550001",
            "net.osmand.amazon.pro.monthly",
            -40 * d,
            -10 * d,
            true,
            true,
            false,
        ),
        // expired (OsmAnd+ annual, Google)
        (
            "GPA.3300-0000-1111-22222",
            "osmand_maps_annual_free",
            -565 * d,
            -200 * d,
            false,
            true,
            false,
        ),
        // expired (FastSpring Pro monthly)
        (
            "FS-DEMO-0999",
            "net.osmand.fastspring.subscription.pro.monthly",
            -130 * d,
            -100 * d,
            false,
            true,
            false,
        ),
        // expired (OsmAnd Live, Google)
        (
            "GPA.3100-0000-0000-00001",
            "osm_live_subscription_annual_free_v2",
            -900 * d,
            -535 * d,
            false,
            true,
            false,
        ),
        // expired, unknown store ("Other")
        (
            "OTHER-42",
            "osmand_legacy_yearly",
            -430 * d,
            -65 * d,
            false,
            true,
            false,
        ),
    ];
    for (orderid, sku, start, expire, autorenewing, paid, valid) in subs {
        purchases::add_subscription(
            conn,
            &NewSubscription {
                userid: Some(userid),
                orderid,
                sku,
                start_time: now + start,
                expire_time: now + expire,
                autorenewing,
                paid,
                valid,
            },
        )?;
    }
    let inapps: [(&str, &str, i64, &str); 4] = [
        (
            "FS-DEMO-0500",
            "net.osmand.fastspring.inapp.maps.plus",
            -300 * d,
            "fastspring",
        ),
        (
            "FS-DEMO-0777",
            "net.osmand.fastspring.inapp.pro.15y",
            -30 * d,
            "fastspring",
        ),
        (
            "GPA.1111-2222-3333-44444",
            "osmand_full_version_price",
            -800 * d,
            "google",
        ),
        // The Topography (formerly Contour lines) plugin, bought in Google Play: an SKU the
        // server has no catalog name for, so it is listed as "Other" (`getInAppName`).
        (
            "GPA.2222-3333-4444-55555",
            "net.osmand.contourlines_plus",
            -1200 * d,
            "google",
        ),
    ];
    for (orderid, sku, when, platform) in inapps {
        purchases::add_inapp(conn, Some(userid), orderid, sku, now + when, platform)?;
    }
    Ok(())
}

/// `len` characters that compress as badly as text can (64 symbols drawn at random, the same
/// for the same seed): stands in for data that is compressed already.
fn noise_text(seed: &str, len: usize) -> String {
    const SYMBOLS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut next = xorshift(seed);
    (0..len)
        .map(|_| {
            let i = (next() * 64.0) as usize;
            char::from(SYMBOLS.get(i).copied().unwrap_or(b'A'))
        })
        .collect()
}

/// A deterministic source of numbers in [0, 1), seeded from `seed` (xorshift64; no dependency).
fn xorshift(seed: &str) -> impl FnMut() -> f64 {
    let mut state = seed.bytes().fold(0x9e37_79b9_7f4a_7c15_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    }) | 1;
    move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A GPX 1.1 track with `n` points, one a minute from `start_ms`, heading north-east with the
/// wander of a real recording (each step's length, direction and climb vary; the same title
/// always gives the same track). It compresses about 10-fold, like a real recording; points on a
/// straight line compressed 30-fold.
pub fn gpx_track(title: &str, start_ms: i64, lat: f64, lon: f64, n: usize) -> String {
    // xorshift64, seeded from the title: deterministic, no dependency.
    let mut state = title.bytes().fold(0x9e37_79b9_7f4a_7c15_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    }) | 1;
    let mut unit = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut pts = String::new();
    let (mut la, mut lo, mut ele) = (lat, lon, 420.0);
    for i in 0..n {
        let t = chrono::DateTime::from_timestamp_millis(start_ms + (i as i64) * 60_000)
            .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
            .unwrap_or_default();
        pts.push_str(&format!(
            "      <trkpt lat=\"{la:.6}\" lon=\"{lo:.6}\"><ele>{ele:.1}</ele><time>{t}</time><extensions><osmand:speed>{:.2}</osmand:speed><osmand:hdop>{:.1}</osmand:hdop></extensions></trkpt>\n",
            1.6 + unit() * 1.4,
            2.0 + unit() * 6.0,
        ));
        la += 0.0009 * (0.4 + unit() * 1.2);
        lo += 0.0012 * (0.4 + unit() * 1.2);
        ele += 3.5 + (unit() - 0.5) * 6.0;
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <gpx version=\"1.1\" creator=\"OsmAnd devserver\" xmlns=\"http://www.topografix.com/GPX/1/1\" xmlns:osmand=\"https://osmand.net/docs/technical/osmand-file-formats/osmand-gpx\">\n\
         \x20 <metadata><name>{title}</name></metadata>\n\
         \x20 <trk>\n    <name>{title}</name>\n    <trkseg>\n{pts}    </trkseg>\n  </trk>\n</gpx>\n"
    )
}

fn track_details(title: &str, start_ms: i64, n: usize, update: i64) -> Value {
    let points = i64::try_from(n).unwrap_or(0);
    json!({
        "analysis": {
            "totalDistance": ((points - 1).max(0) * 1314) as f64 / 10.0,
            "startTime": start_ms,
            "endTime": start_ms + (points - 1).max(0) * 60_000,
            "timeMoving": (points - 1).max(0) * 60_000,
            "points": points,
            "hasElevationData": true,
            "minElevation": 420.0,
            "maxElevation": 420.0 + (points - 1).max(0) as f64 * 3.5,
            "wptPoints": 0
        },
        "metadata": { "name": title },
        "update": update,
        "share": false
    })
}

/// A favourites file: GPX waypoints grouped by `<type>`.
pub fn favourites_gpx(points: &[(&str, &str, f64, f64)]) -> String {
    let mut wpts = String::new();
    for (group, name, lat, lon) in points {
        wpts.push_str(&format!(
            "  <wpt lat=\"{lat:.6}\" lon=\"{lon:.6}\"><name>{name}</name><type>{group}</type></wpt>\n"
        ));
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <gpx version=\"1.1\" creator=\"OsmAnd devserver\" xmlns=\"http://www.topografix.com/GPX/1/1\" xmlns:osmand=\"https://osmand.net/docs/technical/osmand-file-formats/osmand-gpx\">\n\
         {wpts}</gpx>\n"
    )
}

fn favourites_details(points: &[(&str, &str, f64, f64)], color: &str) -> Value {
    let mut groups: Vec<&str> = points.iter().map(|p| p.0).collect();
    groups.dedup();
    let point_groups: serde_json::Map<String, Value> = groups
        .iter()
        .map(|g| {
            let count = points.iter().filter(|p| p.0 == *g).count();
            (
                (*g).to_owned(),
                json!({"name": g, "color": color, "points": count}),
            )
        })
        .collect();
    json!({ "pointGroups": Value::Object(point_groups).to_string(), "share": false })
}

/// Writes versions for one account; `days` are "days ago", `edited` makes the client time
/// earlier than the upload ("Modified" in Changes) instead of equal ("Added").
struct Seeder<'c> {
    conn: &'c Connection,
    userid: i64,
    now: i64,
}

impl Seeder<'_> {
    fn at(&self, days: f64) -> i64 {
        self.now - (days * DAY_MS as f64) as i64
    }

    fn put(
        &self,
        kind: &str,
        name: &str,
        days: f64,
        device: i64,
        content: Option<(&str, Option<Value>)>,
        edited: bool,
    ) -> ApiResult<()> {
        let (content, details) = match content {
            Some((text, details)) => (Some(text), details),
            None => (None, None),
        };
        let updatetime = self.at(days);
        let clienttime = if edited {
            updatetime - 6 * 60_000
        } else {
            updatetime
        };
        files::insert_version(
            self.conn,
            &NewVersion {
                userid: self.userid,
                deviceid: device,
                kind,
                name,
                content: content.map(str::as_bytes),
                updatetime,
                clienttime: Some(clienttime),
                details,
            },
        )?;
        Ok(())
    }

    fn device(&self, deviceid: &str, brand: &str, model: &str, days: f64) -> ApiResult<i64> {
        let token = crate::random::random_hex(16)?;
        Ok(accounts::add_device(
            self.conn,
            &NewDevice {
                userid: self.userid,
                deviceid,
                accesstoken: Some(&token),
                lang: Some("en"),
                brand,
                model,
                updatetime: self.at(days),
            },
        )?)
    }

    /// A GPX track version of `n` points.
    fn track(&self, name: &str, days: f64, device: i64, n: usize, edited: bool) -> ApiResult<()> {
        let title = name
            .rsplit('/')
            .next()
            .unwrap_or(name)
            .trim_end_matches(".gpx");
        let updatetime = self.at(days);
        let start = updatetime - 2 * HOUR_MS;
        let gpx = gpx_track(title, start, 46.55, 7.72, n);
        let details = track_details(title, start, n, updatetime);
        self.put(
            "GPX",
            name,
            days,
            device,
            Some((&gpx, Some(details))),
            edited,
        )
    }

    fn tombstone(&self, kind: &str, name: &str, days: f64, device: i64) -> ApiResult<()> {
        self.put(kind, name, days, device, None, false)
    }

    fn favourites(
        &self,
        name: &str,
        points: &[(&str, &str, f64, f64)],
        days: f64,
        device: i64,
        edited: bool,
    ) -> ApiResult<()> {
        let gpx = favourites_gpx(points);
        let details = favourites_details(points, "#eecc22");
        self.put(
            "FAVOURITES",
            name,
            days,
            device,
            Some((&gpx, Some(details))),
            edited,
        )
    }

    fn plain(
        &self,
        kind: &str,
        name: &str,
        content: &str,
        days: f64,
        device: i64,
        edited: bool,
    ) -> ApiResult<()> {
        self.put(kind, name, days, device, Some((content, None)), edited)
    }
}

const FAV_V1: &[(&str, &str, f64, f64)] = &[
    ("Home", "Home", 46.948_1, 7.447_4),
    ("Home", "Bakery", 46.949_5, 7.444_1),
];
const FAV_V2: &[(&str, &str, f64, f64)] = &[
    ("Home", "Home", 46.948_1, 7.447_4),
    ("Home", "Bakery", 46.949_5, 7.444_1),
    ("Travel", "Lake Oeschinen", 46.498_6, 7.728_0),
];
const FAV_V3: &[(&str, &str, f64, f64)] = &[
    ("Home", "Home", 46.948_1, 7.447_4),
    ("Home", "Bakery", 46.949_5, 7.444_1),
    ("Travel", "Lake Oeschinen", 46.498_6, 7.728_0),
    ("Travel", "Lauterbrunnen", 46.593_4, 7.907_1),
];
const FAV_V4: &[(&str, &str, f64, f64)] = &[
    ("Home", "Home", 46.948_1, 7.447_4),
    ("Travel", "Lake Oeschinen", 46.498_6, 7.728_0),
    ("Travel", "Lauterbrunnen", 46.593_4, 7.907_1),
    ("Work", "Office", 46.951_1, 7.438_9),
];
const RESTAURANTS: &[(&str, &str, f64, f64)] = &[
    ("Restaurants", "Zum Bären", 46.947_9, 7.451_2),
    ("Restaurants", "Trattoria Roma", 46.946_0, 7.442_7),
];
const PARKING: &[(&str, &str, f64, f64)] = &[("Parking", "Station P2", 46.948_9, 7.439_1)];

fn profile_json(mode: &str, speed: f64, version: u32) -> String {
    json!({
        "app_mode": mode,
        "default_speed": speed,
        "route_service": "OSMAND",
        "show_compass": true,
        "settings_version": version
    })
    .to_string()
}

/// How long the real server keeps a deleted file in the trash: its `delete-old-trash` operation
/// deletes every file whose newest version is a tombstone older than this (31 days).
pub const TRASH_KEPT_MS: i64 = 31 * DAY_MS;

/// The demo account's devices and ~14 months of file history.
pub fn demo_files(conn: &Connection, userid: i64, web: i64, now: i64) -> ApiResult<()> {
    let s = Seeder { conn, userid, now };
    let samsung = s.device("3f9a1c2e7b5d4a60", "samsung", "SM-S918B", 420.0)?;
    let iphone = s.device(
        "A1B2C3D4-0000-4E5F-8A9B-112233445566",
        "Apple",
        "iPhone15,2",
        370.0,
    )?;
    let pixel = s.device("8d2e6f1a9c3b7d05", "Google", "Pixel 8", 200.0)?;

    // Tracks: edited over time, a `.gpx.info` companion, one deleted and restored, two in trash.
    // Sizes like real recordings (a point a minute, ~110 bytes each): tens to hundreds of KB
    // per track, a few MB in all, so usage and backup progress look as they do on osmand.net.
    // Everything in the trash was deleted within the last month: the real server's
    // `delete-old-trash` operation (OsmAnd-tools `DeleteOldFilesOperation`) removes files deleted
    // more than 31 days ago for good, with all their versions (see [`TRASH_KEPT_MS`]).
    let hike = "Alps/Hike to Lake Oeschinen.gpx";
    s.track(hike, 418.0, samsung, 2400, false)?;
    s.track(hike, 300.0, web, 2600, true)?;
    s.track(hike, 12.0, iphone, 2900, true)?;
    let info = json!({"color": "#ff5020", "width": "bold", "showArrows": true});
    s.put(
        "GPX",
        "Alps/Hike to Lake Oeschinen.gpx.info",
        12.0,
        iphone,
        Some((&info.to_string(), Some(json!({"data": info})))),
        false,
    )?;
    s.track("Morning run.gpx", 45.0, pixel, 700, false)?;
    s.track("Morning run.gpx", 2.0, pixel, 760, true)?;
    s.track("Bike/Commute to work.gpx", 250.0, iphone, 1100, false)?;
    s.tombstone("GPX", "Bike/Commute to work.gpx", 240.0, iphone)?;
    s.track("Bike/Commute to work.gpx", 235.0, web, 1150, false)?;
    s.track("Canal walk.gpx", 380.0, samsung, 1600, false)?;
    s.tombstone("GPX", "Canal walk.gpx", 24.0, web)?;
    s.track("Old trip.gpx", 410.0, samsung, 3800, false)?;
    s.track("Old trip.gpx", 395.0, samsung, 4200, true)?;
    s.tombstone("GPX", "Old trip.gpx", 11.0, pixel)?;

    // Favourites: the main file in four versions, a group file, a deleted group file.
    s.favourites("favorites.gpx", FAV_V1, 425.0, samsung, false)?;
    s.favourites("favorites.gpx", FAV_V2, 200.0, iphone, true)?;
    s.favourites("favorites.gpx", FAV_V3, 60.0, web, true)?;
    s.favourites("favorites.gpx", FAV_V4, 1.0, pixel, true)?;
    s.favourites(
        "favorites-Restaurants.gpx",
        RESTAURANTS,
        90.0,
        iphone,
        false,
    )?;
    s.favourites("favorites-Parking.gpx", PARKING, 170.0, pixel, false)?;
    s.tombstone("FAVOURITES", "favorites-Parking.gpx", 5.0, web)?;

    // Settings.
    s.plain(
        "PROFILE",
        "car.json",
        &profile_json("car", 13.9, 1),
        400.0,
        samsung,
        false,
    )?;
    s.plain(
        "PROFILE",
        "car.json",
        &profile_json("car", 16.7, 2),
        20.0,
        pixel,
        true,
    )?;
    s.plain(
        "PROFILE",
        "bicycle.json",
        &profile_json("bicycle", 5.5, 1),
        330.0,
        iphone,
        false,
    )?;
    for (days, device, version) in [(410.0, samsung, 1), (100.0, iphone, 2), (8.0, web, 3)] {
        let content = json!({"locale": "en", "units": "metric", "map_theme": "light", "settings_version": version});
        s.plain(
            "GLOBAL",
            "general_settings.json",
            &content.to_string(),
            days,
            device,
            version > 1,
        )?;
    }
    let quick = json!([{"id": 1, "type": "fav.add", "name": "Add favourite"}, {"id": 2, "type": "parking.add"}]);
    s.plain(
        "QUICK_ACTIONS",
        "quick_actions.json",
        &quick.to_string(),
        140.0,
        iphone,
        false,
    )?;

    // Resources and maps (a root .obf, files in subfolders, a name without a dot).
    let render = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
        <renderingStyle name=\"Topo dark\" depends=\"default\" defaultColor=\"#1a1a1a\" version=\"1\">\n\
        \x20 <renderingAttribute name=\"nightMode\"><case attrBoolValue=\"true\"/></renderingAttribute>\n\
        </renderingStyle>\n";
    s.plain(
        "FILE",
        "rendering/Topo-dark.render.xml",
        render,
        220.0,
        samsung,
        false,
    )?;
    let routing = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
        <osmand_routing_config defaultProfile=\"car\">\n\
        \x20 <routingProfile name=\"gentle-bike\" baseProfile=\"bicycle\" restrictionsAware=\"true\"/>\n\
        </osmand_routing_config>\n";
    s.plain(
        "FILE",
        "routing/gentle-bike.xml",
        routing,
        160.0,
        web,
        false,
    )?;
    // Map data is compressed already: like a real .obf, this one hardly shrinks in the zip.
    let obf = format!(
        "OBF\u{1}devserver fake map data: Luxembourg\n{}",
        noise_text("Luxembourg", 1_600_000)
    );
    s.plain("FILE", "Luxembourg_europe.obf", &obf, 180.0, pixel, false)?;
    let source = json!({"name": "OpenTopoMap", "url": "https://tile.opentopomap.org/{0}/{1}/{2}.png", "minZoom": 1, "maxZoom": 17});
    s.plain(
        "MAP_SOURCES",
        "OpenTopoMap",
        &source.to_string(),
        75.0,
        samsung,
        false,
    )?;
    Ok(())
}

fn free_files(conn: &Connection, userid: i64, web: i64, now: i64) -> ApiResult<()> {
    let s = Seeder { conn, userid, now };
    let phone = s.device("5c1d9e0f2a4b6c88", "Xiaomi", "Redmi Note 12", 44.0)?;
    s.favourites("favorites.gpx", FAV_V1, 40.0, phone, false)?;
    s.favourites("favorites.gpx", FAV_V2, 6.0, web, true)?;
    s.favourites("favorites-Restaurants.gpx", RESTAURANTS, 15.0, phone, false)?;
    Ok(())
}
