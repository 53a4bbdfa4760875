//! Every [`SpecError::code`](crate::SpecError) this crate produces, as constants.
//!
//! Codes that aws-cdk-lib 2.276.0 also throws keep CDK's name, so a team moving
//! from TypeScript recognises them; the others are ours and say so.

// ---- codes shared with aws-cdk-lib (aws-lambda 2.276.0) ----

/// CDK: an EFS mount path outside `/mnt/<name>`.
pub const INVALID_MOUNT_PATH_FORMAT: &str = "InvalidMountPathFormat";
/// CDK: `securityGroups` without a VPC.
pub const SECURITY_GROUPS_REQUIRE_VPC: &str = "SecurityGroupsRequireVpc";
/// CDK: `ipv6AllowedForDualStack` without a VPC.
pub const IPV6_DUAL_STACK_REQUIRES_VPC: &str = "Ipv6DualStackRequiresVpc";
/// CDK: a function in public subnets without `allowPublicSubnet`.
pub const LAMBDA_FUNCTIONS_PUBLIC_SUBNET: &str = "LambdaFunctionsPublicSubnet";
/// CDK (aws-ec2): a subnet prefix length outside /16../28.
pub const INVALID_CIDR_RANGE: &str = "InvalidCidrRange";

/// CDK: function name longer than 64 characters.
pub const FUNCTION_NAME_TOO_LONG: &str = "FunctionNameTooLong";
/// CDK: function name with characters other than letters, digits, `-` and `_`.
pub const INVALID_FUNCTION_NAME_FORMAT: &str = "InvalidFunctionNameFormat";
/// CDK: description longer than 256 characters.
pub const DESCRIPTION_TOO_LONG: &str = "DescriptionTooLong";
/// CDK: ephemeral storage outside 512..=10240 MiB.
pub const EPHEMERAL_STORAGE_OUT_OF_RANGE: &str = "EphemeralStorageOutOfRange";
/// CDK: an environment variable that the Lambda runtime sets itself.
pub const RESERVED_ENVIRONMENT_VARIABLE: &str = "ReservedEnvironmentVariable";
/// CDK: log levels set while the deprecated `logFormat` is not `JSON` (and no `loggingFormat`).
pub const JSON_LOG_FORMAT_REQUIRED: &str = "JsonLogFormatRequired";
/// CDK: log levels set while `loggingFormat` is not `JSON`.
pub const JSON_LOGGING_FORMAT_REQUIRED: &str = "JsonLoggingFormatRequired";
/// CDK: SnapStart on a runtime that does not support it.
pub const SNAP_START_CURRENTLY_SUPPORTED_RUNTIME: &str = "SnapStartCurrentlySupportedRuntime";
/// CDK: SnapStart together with tenant isolation.
pub const SNAP_START_SUPPORTED_FUNCTIONS_TENANT: &str = "SnapStartSupportedFunctionsTenant";
/// CDK: SnapStart together with an EFS file system.
pub const SNAP_START_CURRENTLY_SUPPORTED: &str = "SnapStartCurrentlySupported";
/// CDK: SnapStart with more than 512 MiB of ephemeral storage.
pub const SNAP_START_CURRENTLY_SUPPORTED_MI: &str = "SnapStartCurrentlySupportedMi";
/// CDK: inline code on a runtime without inline-code support.
pub const INLINE_SOURCE_ALLOWED: &str = "InlineSourceAllowed";
/// CDK: empty inline code.
pub const LAMBDA_INLINE_CODE_CANNOT_BE_EMPTY: &str = "LambdaInlineCodeCannotBeEmpty";
/// CDK: a sixth layer.
pub const MAX_LAYERS_EXCEEDED: &str = "MaxLayersExceeded";
/// CDK: a layer whose compatible runtimes exclude the function's runtime.
pub const INCOMPATIBLE_LAYER_RUNTIME: &str = "IncompatibleLayerRuntime";
/// CDK: image code without the `FROM_IMAGE` handler, or that handler without image code.
pub const MUST_BE_HANDLER_USING_IMAGE: &str = "MustBeHandlerUsingImage";
/// CDK: image code without the `FROM_IMAGE` runtime, or that runtime without image code.
pub const MUST_BE_RUNTIME_USING_IMAGE: &str = "MustBeRuntimeUsingImage";
/// CDK: CodeGuru profiling on a runtime that does not support it.
pub const CODE_GURU_PROFILING_SUPPORTED_RUNTIME: &str = "CodeGuruProfilingSupportedRuntime";
/// CDK: layers on a container-image function.
pub const LAYERS_NOT_SUPPORTED_FOR_CONTAINER_IMAGE: &str = "LayersNotSupportedForContainerImage";

// ---- our own codes (CDK leaves these to CloudFormation at deploy time) ----

/// Ours: memory size outside 128..=10240 MB.
pub const MEMORY_SIZE_OUT_OF_RANGE: &str = "MemorySizeOutOfRange";
/// Ours: timeout of zero or above 900 seconds.
pub const TIMEOUT_OUT_OF_RANGE: &str = "TimeoutOutOfRange";
/// A timeout with a fraction of a second (ours: Lambda takes whole seconds).
pub const TIMEOUT_NOT_WHOLE_SECONDS: &str = "TimeoutNotWholeSeconds";
/// Ours: negative reserved concurrency.
pub const RESERVED_CONCURRENCY_NEGATIVE: &str = "ReservedConcurrencyNegative";
/// Ours: environment variable name not matching `[a-zA-Z][a-zA-Z0-9_]*`.
pub const INVALID_ENVIRONMENT_VARIABLE_NAME: &str = "InvalidEnvironmentVariableName";
/// Ours: inline code larger than CloudFormation accepts.
pub const INLINE_CODE_TOO_LARGE: &str = "InlineCodeTooLarge";
/// Ours: handler string not in the form its runtime expects.
pub const INVALID_HANDLER_FORMAT: &str = "InvalidHandlerFormat";
/// Ours: handler longer than CloudFormation's 128 characters.
pub const HANDLER_TOO_LONG: &str = "HandlerTooLong";
/// Ours: a runtime name that is not in the catalogue.
pub const UNKNOWN_RUNTIME: &str = "UnknownRuntime";
/// Ours: a value that none of an enum's spellings match.
pub const UNKNOWN_ENUM_VALUE: &str = "UnknownEnumValue";

// ---- EventBridge rules and schedules (aws-events 2.276.0) ----

/// CDK: a rate that is not a whole number of minutes (`Duration.toMinutes`).
pub const CANNOT_CONVERTED_INTO_WHOLE: &str = "CannotConvertedIntoWhole";
/// CDK: a rate of zero.
pub const DURATION_CANNOT_BE_ZERO: &str = "DurationCannotBeZero";
/// CDK: a cron schedule with both `day` and `weekDay`.
pub const CANNOT_SUPPLY_BOTH_DAY_AND_WEEK_DAY: &str = "CannotSupplyBothDayAndWeekDay";
/// Ours (aws-cdk-lib reports it without a code at synthesis): a rule name outside 1..=64
/// characters.
pub const EVENT_RULE_NAME_LENGTH: &str = "EventRuleNameLength";
/// Ours (aws-cdk-lib reports it without a code at synthesis): a rule name with characters
/// other than letters, digits, `.`, `-` and `_`.
pub const EVENT_RULE_NAME_FORMAT: &str = "EventRuleNameFormat";
/// Ours (aws-cdk-lib reports it without a code at synthesis): a rule with neither an event
/// pattern nor a schedule.
pub const EVENT_RULE_PATTERN_OR_SCHEDULE: &str = "EventRulePatternOrSchedule";
/// Ours (aws-cdk-lib reports it without a code at synthesis): a sixth target on one rule.
pub const EVENT_RULE_TOO_MANY_TARGETS: &str = "EventRuleTooManyTargets";

// ---- Function URLs (aws-lambda 2.276.0) ----

/// CDK: a Function URL whose CORS `maxAge` is over one day.
pub const FUNCTION_URL_MAX_AGE_LESS: &str = "FunctionUrlMaxAgeLess";

// ---- Lambda extensions: Insights, ADOT, Parameters and Secrets (aws-lambda 2.276.0) ----

/// CDK: a Lambda Insights version with no layer for the function's architecture, or none in the
/// stack's region.
pub const INSIGHTS_VERSION: &str = "InsightsVersion";
/// Ours: a Lambda Insights version that aws-cdk-lib's `LambdaInsightsVersion` does not name.
pub const UNKNOWN_INSIGHTS_VERSION: &str = "UnknownInsightsVersion";
/// CDK: a regional fact with no value in the stack's region.
pub const REGION_FACT_NOT_FOUND: &str = "RegionFactNotFound";
/// CDK: `@aws-cdk/core:target-partitions` set to something other than a list.
pub const TARGET_PARTITIONS_CONTEXT_VALUE_INVALID: &str = "TargetPartitionsContextValueInvalid";
/// CDK: a regional fact with no value in any region of the target partitions.
pub const REGION_INFO_DON_T_INFORMATION: &str = "RegionInfoDonTInformation";
/// CDK: ADOT instrumentation on a container-image function.
pub const ADOT_LAYER_CONTAINER_IMAGE_INCOMPATIBLE: &str = "AdotLayerContainerImageIncompatible";
/// CDK: ADOT instrumentation on the retired `go1.x` runtime.
pub const ADOT_GO_RUNTIME_NOT_SUPPORTED: &str = "AdotGoRuntimeNotSupported";
/// CDK: a Python function instrumented with another wrapper than `INSTRUMENT_HANDLER`.
pub const ADOT_PYTHON_HANDLER_WRAPPER_REQUIRED: &str = "AdotPythonHandlerWrapperRequired";
/// CDK: an ADOT layer with no ARN in the stack's region.
pub const ADOT_LAYER_ARN_NOT_FOUND: &str = "AdotLayerArnNotFound";
/// CDK: a Parameters and Secrets cache size outside 0..=1000.
pub const CACHE_SIZE_INCLUSIVE_PROVIDED: &str = "CacheSizeInclusiveProvided";
/// CDK: a Parameters and Secrets HTTP port outside 1..=65535.
pub const PORT_INCLUSIVE_PROVIDED: &str = "PortInclusiveProvided";
/// CDK: a Parameters and Secrets maximum of connections below 1.
pub const MAXIMUM_CONNECTIONS_LEAST_PROVIDED: &str = "MaximumConnectionsLeastProvided";
/// CDK: a Secrets Manager cache TTL over 300 seconds.
pub const MAXIMUM_CACHED_SECRET_SECONDS_PROVIDED: &str = "MaximumCachedSecretSecondsProvided";
/// CDK: a Parameter Store cache TTL over 300 seconds.
pub const MAXIMUM_CACHED_PARAMETER_SECONDS_PROVIDED: &str = "MaximumCachedParameterSecondsProvided";
/// CDK: no Parameters and Secrets layer in the stack's region for the architecture.
pub const PARAMETERS_SECRETS_EXTENSION_SUPPORTED_REGION: &str =
    "ParametersSecretsExtensionSupportedRegion";
/// Ours: a Parameters and Secrets extension version aws-cdk-lib does not name.
pub const UNKNOWN_PARAMS_AND_SECRETS_VERSION: &str = "UnknownParamsAndSecretsVersion";
// ---- SQS queues (aws-sqs 2.276.0) ----

/// CDK: a queue prop out of range (every broken range listed in one message).
pub const PROPS_VALIDATION_FAILED: &str = "PropsValidationFailed";
/// CDK: a FIFO queue whose name does not end in `.fifo`.
pub const FIFO_QUEUE_NAMES: &str = "FifoQueueNames";
/// CDK: a standard queue whose name ends in `.fifo`.
pub const NON_FIFO_QUEUE_NAME: &str = "NonFifoQueueName";
/// CDK: content-based deduplication on a standard queue.
pub const CONTENT_BASED_DEDUPLICATION_DEFINED_QUEUES: &str =
    "ContentBasedDeduplicationDefinedQueues";

// ---- Dead-letter targets and asynchronous invocation (aws-lambda 2.276.0) ----

/// CDK (a plain `Error`, so its name is `Error`): a dead-letter queue with
/// `deadLetterQueueEnabled: false`.
pub const DEAD_LETTER_QUEUE_DISABLED: &str = "Error";
/// CDK: a dead-letter topic together with a dead-letter queue or `deadLetterQueueEnabled`.
pub const DEAD_LETTER_QUEUE_DEAD_LETTER: &str = "DeadLetterQueueDeadLetter";
/// CDK: `maxEventAge` outside 60..=21600 seconds.
pub const REPRESENT_BETWEEN_21600_SECONDS: &str = "RepresentBetween21600Seconds";
/// CDK: asynchronous `retryAttempts` above 2.
pub const MUST_BE_BETWEEN: &str = "MustBeBetween";
/// CDK: a second asynchronous invocation config on one function.
pub const EVENT_INVOKE_CONFIG_ALREADY_CONFIGURED: &str = "EventInvokeConfigAlreadyConfigured";

// ---- Event source mappings (aws-lambda, aws-lambda-event-sources 2.276.0) ----

/// CDK: a batching window on a FIFO queue's event source.
pub const BATCHING_WINDOW_SUPPORTED_QUEUES: &str = "BatchingWindowSupportedQueues";
/// CDK: an SQS batching window over 5 minutes.
pub const MAXIMUM_BATCHING_WINDOW_SECONDS_LESS: &str = "MaximumBatchingWindowSecondsLess";
/// CDK: a batch size out of range for its event source.
pub const MAXIMUM_BATCH_SIZE_INCLUSIVE_GIVEN: &str = "MaximumBatchSizeInclusiveGiven";
/// CDK: a mapping's batching window over 300 seconds.
pub const MAX_BATCHING_WINDOW_CANNOT_SECONDS: &str = "MaxBatchingWindowCannotSeconds";
/// CDK: `maxConcurrency` outside 2..=1000.
pub const MAX_CONCURRENCY_CONCURRENT_INSTANCES: &str = "MaxConcurrencyConcurrentInstances";
/// CDK: `maxRecordAge` outside 60 seconds to 7 days.
pub const MAX_RECORD_AGE_SECONDS_DAYS: &str = "MaxRecordAgeSecondsDays";
/// CDK: stream `retryAttempts` neither -1 nor within 0..=10000.
pub const RETRY_ATTEMPTS_INFINITE_INCLUSIVE: &str = "RetryAttemptsInfiniteInclusive";
/// CDK: `parallelizationFactor` outside 1..=10.
pub const PARALLELIZATION_FACTOR_INCLUSIVE: &str = "ParallelizationFactorInclusive";
/// CDK: `tumblingWindow` over 900 seconds.
pub const TUMBLING_WINDOW_CANNOT_SECONDS: &str = "TumblingWindowCannotSeconds";
/// CDK: a DynamoDB event source on a table without a stream.
pub const DYNAMO_STREAMS_ENABLED_TABLE: &str = "DynamoStreamsEnabledTable";
// ---- Application Auto Scaling (aws-applicationautoscaling and aws-lambda 2.276.0) ----

/// CDK: a scalable target whose `minCapacity` is above its `maxCapacity`.
pub const SCALING_MIN_CAPACITY: &str = "MinCapacity";
/// CDK: a provisioned-concurrency utilization target outside 0.1..=0.9.
pub const UTILIZATION_TARGET_FOUND: &str = "UtilizationTargetFound";
/// CDK: a scheduled scaling action with neither `minCapacity` nor `maxCapacity`.
pub const SUPPLY_LEAST_ONE_MIN_CAPACITY: &str = "SupplyLeastOneMinCapacity";
/// CDK: a scaling schedule's rate of zero.
pub const SCALING_DURATION_CANNOT: &str = "DurationCannot";
/// CDK: a scaling schedule's cron with both `day` and `weekDay`.
pub const CANNOT_SUPPLY_DAY_WEEK_DAY: &str = "CannotSupplyDayWeekDay";
/// CDK: `addAutoScaling` called twice on one alias.
pub const AUTO_SCALING_ALREADY_ENABLED_ALIAS: &str = "AutoScalingAlreadyEnabledAlias";

/// CDK: an event source other than an API on a function with tenant isolation.
pub const EVENT_SOURCE_NOT_SUPPORTED_FOR_TENANT_ISOLATION: &str =
    "EventSourceNotSupportedForTenantIsolation";
/// CDK: provisioned concurrency on a version of a function with tenant isolation.
pub const PROVISIONED_CONCURRENCY_SUPPORTED_FUNCTIONS_TENANT: &str =
    "ProvisionedConcurrencySupportedFunctionsTenant";

// ---- Durable functions (aws-lambda 2.276.0) ----

/// CDK: a durable `executionTimeout` outside 1..=31,622,400 seconds.
pub const EXECUTION_TIMEOUT_SECONDS: &str = "ExecutionTimeoutSeconds";
/// CDK: a durable `retentionPeriod` outside 1..=90 days.
pub const RETENTION_PERIOD_OUT_OF_RANGE: &str = "RetentionPeriodOutOfRange";
