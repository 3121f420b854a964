//! The HTTP API, end to end against the local server's router.

mod bad_input;
mod concurrency;
mod helpers;
mod lifecycle;
mod listing;
mod permissions;
