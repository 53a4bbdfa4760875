//! Rules that tie keys together: handler and inline code against the runtime, log
//! levels against the log format, SnapStart against runtime and storage.

use lambda_spec::{codes, Runtime, SnapStartContext};

use crate::attr::{Code, FunctionAttrs, Num, Text};
use crate::ctxt::Ctxt;

pub fn check(cx: &Ctxt, attrs: &FunctionAttrs) {
    log_levels(cx, attrs);
    dead_letter(cx, attrs);
    let Some(runtime) = &attrs.runtime else {
        return;
    };
    let runtime = runtime.value;
    if let Some(handler) = &attrs.handler {
        if let Err(err) = lambda_spec::validate_handler(runtime, &handler.value) {
            cx.error_spanned_by(handler, err.message);
        } else if matches!(attrs.code.as_ref().map(|c| &c.value), Some(Code::Inline(_)))
            && runtime.supports_inline_code()
        {
            if let Err(err) = lambda_spec::validate_inline_code_handler(&handler.value) {
                cx.error_spanned_by(handler, err.message);
            }
        }
    }
    if let Some(Code::Inline(source)) = attrs.code.as_ref().map(|c| &c.value) {
        let result = match &source.value {
            Text::Lit(text) => lambda_spec::validate_inline_code(runtime, text),
            // Only the runtime can be judged now; the size is asserted in `const` context.
            Text::Const(_) => match lambda_spec::validate_inline_code(runtime, " ") {
                Err(err) if err.code == codes::INLINE_SOURCE_ALLOWED => Err(err),
                _ => Ok(()),
            },
        };
        if let Err(err) = result {
            cx.error_spanned_by(source, inline_hint(runtime, err.message));
        }
    }
    snap_start(cx, attrs, runtime);
}

fn inline_hint(runtime: Runtime, message: String) -> String {
    if runtime.supports_inline_code() {
        return message;
    }
    format!("{message}: only Node.js and Python runtimes take inline code; use `code = asset(\"path\")`")
}

fn log_levels(cx: &Ctxt, attrs: &FunctionAttrs) {
    let format = attrs.logging_format.as_ref().map(|f| f.value);
    let application = attrs.application_log_level.as_ref();
    let system = attrs.system_log_level.as_ref();
    let result = lambda_spec::validate_log_levels(
        format,
        application.map(|l| l.value),
        system.map(|l| l.value),
    );
    let Err(err) = result else { return };
    let message = format!("{} Set `logging_format = \"json\"`.", err.message);
    for level in [application.map(|l| l.span()), system.map(|l| l.span())]
        .into_iter()
        .flatten()
    {
        cx.error_at(level, &message);
    }
}

fn snap_start(cx: &Ctxt, attrs: &FunctionAttrs, runtime: Runtime) {
    let Some(snap_start) = attrs.snap_start.as_ref().filter(|s| s.value) else {
        return;
    };
    let storage = attrs.ephemeral_storage.as_ref();
    let ctx = SnapStartContext {
        runtime,
        tenant_isolation: attrs.tenancy.is_some(),
        filesystem: false,
        ephemeral_storage_mib: storage.and_then(|s| match s.value {
            Num::Lit(mib) => Some(mib),
            Num::Const(_) => None,
        }),
    };
    let Err(err) = lambda_spec::validate_snap_start(&ctx) else {
        return;
    };
    if err.code == codes::SNAP_START_CURRENTLY_SUPPORTED_RUNTIME {
        let supported: Vec<String> = Runtime::supported_names()
            .filter_map(Runtime::from_name)
            .filter(|r| r.supports_snap_start())
            .map(|r| format!("`{}`", r.name()))
            .collect();
        cx.error_spanned_by(
            snap_start,
            format!(
                "{}; runtimes with SnapStart: {}",
                err.message,
                supported.join(", ")
            ),
        );
    } else if let Some(storage) = storage {
        cx.error_spanned_by(
            storage,
            format!(
                "{}; `snap_start` needs `ephemeral_storage` of 512 MiB or less",
                err.message
            ),
        );
    } else {
        cx.error_spanned_by(snap_start, err.message);
    }
}

/// `dead_letter_queue_enabled`, `dead_letter_queue` and `dead_letter_topic` together, as
/// aws-cdk-lib checks them; the error lands on the key that conflicts.
fn dead_letter(cx: &Ctxt, attrs: &FunctionAttrs) {
    let given = |key: &str| attrs.pass_through.iter().find(|p| p.method == key);
    let queue = given("dead_letter_queue");
    let topic = given("dead_letter_topic");
    let props = lambda_spec::DeadLetterProps {
        enabled: attrs.dead_letter_queue_enabled.as_ref().map(|e| e.value),
        queue: queue.is_some(),
        topic: topic.is_some(),
    };
    let Err(err) = lambda_spec::validate_dead_letter(props) else {
        return;
    };
    let at: &dyn quote::ToTokens = match (err.code, topic, queue) {
        (codes::DEAD_LETTER_QUEUE_DEAD_LETTER, Some(topic), _) => &topic.key,
        (_, _, Some(queue)) => &queue.key,
        _ => return,
    };
    cx.error_spanned_by(at, err.message);
}
