//! Parity of EventBridge rules and their Lambda targets with aws-cdk-lib 2.276.0: each example
//! `examples/<app>.rs` (`event_rule_target`, `event_rule_options`) must synthesize what the oracle app
//! `tests/oracle/apps/<app-with-dashes>.js` synthesizes with the real library, with no context
//! (`tests/golden/`) and with the recommended feature flags (`tests/golden-recommended/`), tree.json
//! included; and `<stack>.metadata.json` (warnings such as a cron without a minute, logical IDs)
//! equals `tests/golden-metadata/<app>/` (from `tests/oracle/regenerate-metadata.sh`). Run
//! `cargo build --examples` first.

mod common;

use common::{metadata_matches, parity};

#[test]
fn event_rule_dlq() {
    parity("event-rule-dlq");
}

#[test]
fn event_rule_target() {
    parity("event-rule-target");
}

/// Rate and cron schedules, an event pattern, disabled state, name and description; retry
/// policies, an alias target, and one function targeted twice by one rule (one permission).
#[test]
fn event_rule_options() {
    parity("event-rule-options");
}

#[test]
fn event_rule_target_metadata() {
    metadata_matches("event-rule-target");
}

/// Includes aws-cdk-lib's `scheduleWillRunEveryMinute` warning on the cron rule without a minute.
#[test]
fn event_rule_options_metadata() {
    metadata_matches("event-rule-options");
}
