//! Parity of EventBridge rules and their Lambda targets with aws-cdk-lib 2.276.0: the example
//! `examples/event_rule_target.rs` must synthesize what the oracle app
//! `tests/oracle/apps/event-rule-target.js` synthesizes with the real library, with no context
//! (`tests/golden/`) and with the recommended feature flags (`tests/golden-recommended/`), tree.json
//! included. Run `cargo build --examples` first.

mod common;

use common::parity;

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
