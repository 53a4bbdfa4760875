//! Rules that tie the extension keys to the others: an Insights version needs a layer for the
//! function's architecture, profiling needs a runtime with a profiler.

use lambda_spec::Architecture;

use crate::attr::FunctionAttrs;
use crate::ctxt::Ctxt;

pub fn check(cx: &Ctxt, attrs: &FunctionAttrs) {
    if let Some(version) = &attrs.insights_version {
        let architecture = attrs
            .architecture
            .as_ref()
            .map_or(Architecture::DEFAULT, |a| a.value);
        if let Err(err) = lambda_spec::validate_insights_version(&version.value, architecture) {
            let arm64 = lambda_spec::insights_arm64_versions();
            cx.error_spanned_by(
                version,
                format!(
                    "{} It has no `{}` layer; the versions with one are {}",
                    err.message,
                    architecture.as_str(),
                    arm64.join(", ")
                ),
            );
        }
    }
    if let (Some(profiling), Some(runtime)) = (&attrs.profiling, &attrs.runtime) {
        if profiling.value {
            if let Err(err) = lambda_spec::validate_profiling(runtime.value) {
                cx.error_spanned_by(
                    profiling,
                    format!(
                        "{}; CodeGuru profiles Java and Python runtimes",
                        err.message
                    ),
                );
            }
        }
    }
}
