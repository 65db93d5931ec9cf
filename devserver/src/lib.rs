//! devserver: a local stand-in for OsmAnd's `/mapapi/` server (mapapi.md), with real SQLite
//! storage, an e-mail outbox and `/dev/*` hooks for end-to-end tests.
//!
//! Build the router with [`app`] from an [`AppState`]; `main.rs` only parses flags and serves it.

pub mod accounts;
pub mod backup;
pub mod cli;
pub mod clock;
pub mod codes;
pub mod db;
pub mod error;
pub mod faults;
pub mod files;
pub mod outbox;
pub mod params;
pub mod purchases;
pub mod random;
pub mod reply;
pub mod routes;
pub mod security;
pub mod seed;
pub mod session;
pub mod switches;

use std::ops::Deref;
use std::path::PathBuf;
use std::sync::Arc;

pub use routes::app;

/// Settings that do not change while the server runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub cookie_name: String,
    pub bcrypt_cost: u32,
    /// Enables the `/dev/*` routes.
    pub dev: bool,
    /// The built app, served under `/map/`.
    pub dist: Option<PathBuf>,
    /// The built designers' gallery, served under `/gallery/` (tests only).
    pub gallery: Option<PathBuf>,
    /// How answers differ from master's (`--code-digits`, `--friendly-answers`).
    pub switches: switches::Switches,
    /// Time `download-backup` spends per archived file before it sends a header, like the
    /// reference, which reads every file from storage into a temporary zip first
    /// (`UserdataService.getBackup`; its web client estimates 80 ms a file).
    pub archive_ms_per_file: u64,
    /// Time `delete-account` spends per stored file version and `empty-trash` per deleted
    /// version before they answer: the reference deletes each one from storage first
    /// (`UserdataService.deleteAccount`, `UserdataService.emptyTrash`).
    pub delete_ms_per_file: u64,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            cookie_name: "JSESSIONID".to_owned(),
            bcrypt_cost: 10,
            dev: false,
            dist: None,
            gallery: None,
            switches: switches::Switches::default(),
            archive_ms_per_file: 0,
            delete_ms_per_file: 0,
        }
    }
}

/// Everything the handlers share.
#[derive(Debug)]
pub struct Inner {
    pub db: db::Db,
    pub clock: clock::Clock,
    pub config: Config,
    pub faults: faults::Faults,
    /// The answer switches now (start: `config.switches`; tests change them at run time).
    pub switches: switches::Live,
}

/// Cheap-to-clone handle on [`Inner`].
#[derive(Debug, Clone)]
pub struct AppState(Arc<Inner>);

impl Deref for AppState {
    type Target = Inner;

    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl AppState {
    pub fn new(db: db::Db, config: Config) -> Self {
        Self(Arc::new(Inner {
            db,
            clock: clock::Clock::new(),
            switches: switches::Live::new(config.switches),
            config,
            faults: faults::Faults::default(),
        }))
    }

    /// A state on a private in-memory database (tests).
    pub fn in_memory(config: Config) -> Result<Self, db::DbOpenError> {
        Ok(Self::new(db::Db::open_in_memory()?, config))
    }

    /// Wipes the database and loads the demo data (blocking: runs bcrypt).
    pub fn seed_demo(&self) -> error::ApiResult<()> {
        let now = self.clock.now_ms();
        let cost = self.config.bcrypt_cost;
        self.db.tx(|tx| seed::demo(tx, now, cost))
    }
}
