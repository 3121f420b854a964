//! The HTTP API, end to end against the local server's router.

#[path = "../support/moto.rs"]
mod moto;
#[path = "../support/requests.rs"]
mod requests;

mod access_codes;
mod audit;
mod bad_input;
mod batch;
mod channels;
mod concurrency;
mod credentials;
mod deferred;
mod delivery;
mod editing;
mod helpers;
mod languages;
mod lifecycle;
mod limits;
mod links;
mod listing;
mod permissions;
mod profiles;
mod renewal;
mod settings;
mod signup;
mod suspension;
