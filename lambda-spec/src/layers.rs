//! Layers: how many a function may have, and which runtimes they fit.

use crate::codes;
use crate::error::SpecError;
use crate::runtime::Runtime;

/// Most layers one function may use.
pub const MAX_LAYERS: usize = 5;

/// Whether a function may have `count` layers (at most 5).
pub const fn is_valid_layer_count(count: usize) -> bool {
    count <= MAX_LAYERS
}

/// Fails compilation (when const-evaluated) if `count` is over 5.
pub const fn assert_layer_count(count: usize) {
    assert!(
        is_valid_layer_count(count),
        "a function can use at most 5 layers"
    );
}

/// Checks that one more layer may be added to a function that has `existing` layers
/// (CDK's `MaxLayersExceeded`, with its message).
pub fn check_add_layer(existing: usize) -> Result<(), SpecError> {
    if existing < MAX_LAYERS {
        return Ok(());
    }
    Err(SpecError::new(
        codes::MAX_LAYERS_EXCEEDED,
        format!("Unable to add layer: this lambda function already uses {MAX_LAYERS} layers."),
    ))
}

/// Checks a whole list of `count` layers (`MaxLayersExceeded`, CDK's message, which
/// CDK raises when adding the sixth).
pub fn validate_layer_count(count: usize) -> Result<(), SpecError> {
    if is_valid_layer_count(count) {
        Ok(())
    } else {
        check_add_layer(MAX_LAYERS)
    }
}

/// Checks that a layer declaring `compatible_runtimes` fits `runtime`, compared with
/// CDK's `runtimeEquals` (`IncompatibleLayerRuntime`, CDK's message). An empty list
/// means the layer declares none and fits every runtime.
pub fn validate_layer_runtime(
    runtime: Runtime,
    compatible_runtimes: &[Runtime],
) -> Result<(), SpecError> {
    if compatible_runtimes.is_empty()
        || compatible_runtimes
            .iter()
            .any(|r| r.runtime_equals(&runtime))
    {
        return Ok(());
    }
    let names: Vec<&str> = compatible_runtimes.iter().map(Runtime::name).collect();
    Err(SpecError::new(
        codes::INCOMPATIBLE_LAYER_RUNTIME,
        format!(
            "This lambda function uses a runtime that is incompatible with this layer ({} is not in [{}])",
            runtime.name(),
            names.join(", ")
        ),
    ))
}

/// Checks that a function with `layer_count` layers is not a container-image function
/// (CDK's `LayersNotSupportedForContainerImage`, with its message).
pub fn validate_layers_for_runtime(runtime: Runtime, layer_count: usize) -> Result<(), SpecError> {
    if layer_count > 0 && runtime.is_from_image() {
        return Err(SpecError::new(
            codes::LAYERS_NOT_SUPPORTED_FOR_CONTAINER_IMAGE,
            "Layers are not supported for container image functions",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layer_count_boundaries() {
        assert!(is_valid_layer_count(0));
        assert!(is_valid_layer_count(5));
        assert!(!is_valid_layer_count(6));
        assert!(check_add_layer(0).is_ok());
        assert!(check_add_layer(4).is_ok());
        let e = check_add_layer(5).unwrap_err();
        assert_eq!(e.code, "MaxLayersExceeded");
        assert_eq!(
            e.message,
            "Unable to add layer: this lambda function already uses 5 layers."
        );
        assert!(validate_layer_count(5).is_ok());
        assert_eq!(
            validate_layer_count(6).unwrap_err().code,
            "MaxLayersExceeded"
        );
        const _: () = assert_layer_count(5);
    }

    #[test]
    fn layer_runtime_compatibility() {
        assert!(validate_layer_runtime(Runtime::NODEJS_22_X, &[]).is_ok());
        assert!(validate_layer_runtime(
            Runtime::NODEJS_22_X,
            &[Runtime::NODEJS_20_X, Runtime::NODEJS_22_X]
        )
        .is_ok());
        // NODEJS_LATEST and NODEJS_24_X are equal for CDK's runtimeEquals.
        assert!(validate_layer_runtime(Runtime::NODEJS_LATEST, &[Runtime::NODEJS_24_X]).is_ok());
        let e = validate_layer_runtime(
            Runtime::PYTHON_3_12,
            &[Runtime::NODEJS_20_X, Runtime::NODEJS_22_X],
        )
        .unwrap_err();
        assert_eq!(e.code, "IncompatibleLayerRuntime");
        assert_eq!(
            e.message,
            "This lambda function uses a runtime that is incompatible with this layer (python3.12 is not in [nodejs20.x, nodejs22.x])"
        );
    }

    #[test]
    fn no_layers_on_images() {
        assert!(validate_layers_for_runtime(Runtime::FROM_IMAGE, 0).is_ok());
        assert!(validate_layers_for_runtime(Runtime::NODEJS_22_X, 3).is_ok());
        let e = validate_layers_for_runtime(Runtime::FROM_IMAGE, 1).unwrap_err();
        assert_eq!(e.code, "LayersNotSupportedForContainerImage");
        assert_eq!(
            e.message,
            "Layers are not supported for container image functions"
        );
    }
}
