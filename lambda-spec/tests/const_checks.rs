//! The predicates as generated code uses them: from outside the crate, in constants.

use lambda_spec as spec;

const MEMORY: u32 = 512;
const TIMEOUT: u64 = 30;
const STORAGE: u32 = 1024;
const RESERVED: i64 = 10;
const NAME: &str = "orders-handler";
const DESCRIPTION: &str = "Handles orders.";
const ENV: &str = "TABLE_NAME";

const _: () = assert!(
    spec::is_valid_memory_size(MEMORY),
    "memory_size out of range"
);
const _: () = assert!(spec::is_valid_timeout_seconds(TIMEOUT));
const _: () = assert!(spec::is_valid_ephemeral_storage_size(STORAGE));
const _: () = assert!(spec::is_valid_reserved_concurrency(RESERVED));
const _: () = assert!(spec::is_valid_function_name(NAME));
const _: () = assert!(spec::is_valid_function_name_length(NAME.len()));
const _: () = assert!(spec::is_valid_description(DESCRIPTION));
const _: () = assert!(spec::is_valid_description_length(DESCRIPTION.len()));
const _: () = assert!(spec::is_allowed_environment_variable_name(ENV));
const _: () = assert!(spec::is_valid_layer_count(5));
const _: () = spec::assert_memory_size(MEMORY);
const _: () = spec::assert_timeout_seconds(TIMEOUT);
const _: () = spec::assert_ephemeral_storage_size(STORAGE);
const _: () = spec::assert_reserved_concurrency(RESERVED);
const _: () = spec::assert_function_name(NAME);
const _: () = spec::assert_description(DESCRIPTION);
const _: () = spec::assert_environment_variable_name(ENV);
const _: () = assert!(spec::Runtime::JAVA_21.supports_snap_start());
const _: () = assert!(spec::is_snap_start_runtime(spec::Runtime::PYTHON_3_12));

#[test]
fn const_checks_compile() {
    // The assertions above are the test; this names the file in the test output.
    assert_eq!(spec::js_length(NAME), NAME.len());
}
