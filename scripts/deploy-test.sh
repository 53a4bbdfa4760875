#!/usr/bin/env bash
# A real deploy test: the real CDK CLI deploys our example apps to a local AWS (moto_server), and
# boto3 checks what was deployed. ./scripts/deploy-test.sh (also run at the end of ./scripts/test.sh)
#
#   1. installs moto[server] 5.2.5 (PyPI, with boto3) into .venv/ and aws-cdk 2.1148.1 (npm) into
#      .tools/cdk/ if missing (cfn-lint in .venv/ stays as it is); builds the examples;
#   2. starts moto_server on 127.0.0.1, a free port, and stops it when the script ends, however;
#   3. with dummy credentials and AWS_ENDPOINT_URL=http://localhost:<port>: `cdk bootstrap`, then
#      for the quickstart and every example of examples/ whose resource types moto's CloudFormation
#      creates (the others are listed in SKIP below, with the reason, and the reason is checked;
#      SKIP_IMPORTS lists those that import functions no account holds):
#      `cdk deploy --app target/debug/examples/<name>`; tests/deploy/check.py checks the stack (its
#      status, the template moto holds) and each function (runtime, handler, memory, timeout,
#      environment, role, description, reserved concurrency) and that its code is the staged asset;
#      `cdk diff` shows no change; `cdk destroy --force` removes the stack, its functions (the exact
#      names check.py recorded at deploy) and its exports;
#      the examples (and step 4) run DEPLOY_TEST_JOBS at a time (default 2);
#   4. a changed handler file redeploys with new code: `scale bigasset DIR` (one function whose code
#      is the folder DIR) deploys a copy of the quickstart's handler folder, the copy's index.js is
#      changed, `cdk diff` must show the change, the redeploy must upload and use the new code;
#   5. prints `deploy: N passed, M failed, K skipped` and the time; exits 1 if anything failed.
#
# DEPLOY_TEST_EXAMPLES="cross_stack redeploy" runs only those jobs of step 3 and 4 (while working on
# the test; the full run is the test).
#
# Workarounds for moto 5.2.5 (each found by running it):
#   - The server is addressed as http://localhost:<port>, never 127.0.0.1: with an IP literal, moto
#     takes the host of the template URL the CLI passes (http://127.0.0.1:<port>/<bucket>/<key>) for
#     a bucket name.
#   - `cdk diff --method=template`: the default method first deletes a leftover diff change set;
#     moto's DeleteChangeSet for a change set that does not exist raises UnboundLocalError
#     (moto/cloudformation/models.py delete_change_set), answers HTTP 500 with an HTML page, the SDK
#     retries for ~50 s per stack and then the CLI falls back to the template diff anyway.
#   - moto's CloudFormation creates a function from Code, Handler, Role, Runtime, Description,
#     MemorySize, Timeout, Environment, ReservedConcurrentExecutions only (it drops Architectures,
#     EphemeralStorage, TracingConfig, LoggingConfig, SnapStart, RuntimeManagementConfig, Layers):
#     check.py checks those it keeps; the rest is checked by the parity tests' templates alone.
#   - moto keeps inline code (`ZipFile`) in memory only: check.py checks that the deployed template
#     holds our ZipFile and that the function's CodeSize is that of moto's zip of that text.
#   - Updating a stack (step 4) goes around two moto bugs: `--method=direct`, because moto keys
#     change sets by name alone (it ignores StackName): before an update the CLI deletes the stack's
#     old `cdk-deploy-change-set` and waits until DescribeChangeSet says ChangeSetNotFound; moto
#     deletes the first change set of that name of any stack, then answers either ValidationError
#     (the deploy fails) or another stack's executed change set (the CLI polls forever).
#     `--no-previous-parameters`, because moto's UpdateStack looks up a UsePreviousValue parameter
#     among the parameters given at creation, where the CLI gave none (BootstrapVersion has a
#     default): KeyError, HTTP 500.
#   - Deploys run two at a time (DEPLOY_TEST_JOBS), each with its own `--change-set-name`: moto
#     finds a change set by name alone (it ignores StackName), so with the CLI's one name
#     (`cdk-deploy-change-set`) two deploys at once execute each other's change set, and one
#     stack stays in REVIEW_IN_PROGRESS while the CLI reports success (check.py catches that).
#   - An example whose templates have Outputs (cross_stack, singleton_twice) is deployed with
#     `--method=direct` (CreateStack), the others with a change set: moto's ExecuteChangeSet builds
#     no outputs for the stack it creates and registers none of its exports, and a stack made by
#     CreateChangeSet resolves Fn::ImportValue against no exports (cross_stack's consumer failed
#     with "No export named cross-stack-shared:ExportsOutput... found"). CreateStack does all that.
#   - moto's `Ref` of an AWS::Lambda::LayerVersion is the repr of its Python object (the model has
#     no physical_resource_id; AWS gives the version's ARN): check.py accepts exactly that repr for
#     such an output and finds the layer by the name moto gave it.
#   - After a stack with exports is deleted, the CLI's DescribeStacks makes moto resolve the export
#     values again, which creates anew (under new names) the resources they name: check.py
#     destroyed checks the deployed functions' exact names (`check deployed --save`) and reports
#     such re-created ones as a note, only for a stack with exports.
#   - moto's bootstrap stack has no Outputs, so the CLI logs "Unable to find BootstrapVersion output
#     in the toolkit stack" (cross-account publishing check); it reads the SSM parameter instead and
#     deploys. Harmless.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
# microseconds since the epoch, and seconds since one of them (one decimal)
now_us() { echo "${EPOCHREALTIME//[!0-9]/}"; }
secs_since() { local d=$(($(now_us) - $1)); printf '%d.%d' $((d / 1000000)) $((d / 100000 % 10)); }
t_start=$(now_us)

MOTO_VERSION=5.2.5
CDK_CLI_VERSION=2.1148.1
ACCOUNT=123456789012 # moto's default account
REGION=us-east-1

# Examples not deployed here, and why. The first step checks that every example not listed has
# only resource types moto's CloudFormation creates (moto skips any other with a warning, so the
# deploy of such a stack would "succeed" without it), and that every listed one still has one it
# does not create (else it belongs in the test).
declare -A SKIP=(
  [async_invoke]="AWS::Lambda::EventInvokeConfig is not in moto's CloudFormation"
  [alias_autoscaling]="AWS::Lambda::Alias and AWS::ApplicationAutoScaling::ScalableTarget/ScalingPolicy are not in moto's CloudFormation"
  [code_from_bucket]="AWS::S3::BucketPolicy is not in moto's CloudFormation; its code is an object the user puts in a bucket the stack creates (none exists at deploy time, on AWS too)"
  [code_signing]="AWS::Signer::SigningProfile and AWS::Lambda::CodeSigningConfig are not in moto's CloudFormation"
  [current_version_alias]="AWS::Lambda::Alias and AWS::Lambda::EventInvokeConfig are not in moto's CloudFormation"
  [event_rule_options]="AWS::Lambda::Alias is not in moto's CloudFormation (one of its targets is an alias)"
  [extensions_current_version]="AWS::Lambda::Alias is not in moto's CloudFormation"
  [event_source_sns]="AWS::SNS::Subscription and AWS::SQS::QueuePolicy are not in moto's CloudFormation"
  [function_url_cors]="AWS::Lambda::Url is not in moto's CloudFormation"
  [function_url_iam]="AWS::Lambda::Url is not in moto's CloudFormation"
  [function_url_none]="AWS::Lambda::Url is not in moto's CloudFormation"
  [function_url_stream]="AWS::Lambda::Url and AWS::Lambda::Alias are not in moto's CloudFormation"
  [hash_description]="AWS::Lambda::Alias is not in moto's CloudFormation"
  [hash_layer_order]="AWS::Lambda::Alias is not in moto's CloudFormation"
  [hash_tags]="AWS::Lambda::Alias is not in moto's CloudFormation"
  [ipv6_dual_stack]="AWS::EC2::VPCCidrBlock and AWS::EC2::EgressOnlyInternetGateway are not in moto's CloudFormation"
  [layers]="AWS::Lambda::LayerVersionPermission is not in moto's CloudFormation"
  [orders]="AWS::Lambda::Alias is not in moto's CloudFormation"
  [params_secrets]="AWS::SecretsManager::Secret is not in moto's CloudFormation"
  [profiling]="AWS::CodeGuruProfiler::ProfilingGroup is not in moto's CloudFormation"
  [queue_topic]="AWS::SQS::QueuePolicy and AWS::SNS::TopicPolicy are not in moto's CloudFormation"
  [event_rule_dlq]="AWS::SQS::QueuePolicy is not in moto's CloudFormation"
  [security_group_rules]="AWS::EC2::SecurityGroupEgress is not in moto's CloudFormation"
  [timeout]="AWS::CloudWatch::Alarm is not in moto's CloudFormation"
  [kitchen_sink]="AWS::Lambda::EventInvokeConfig and AWS::CloudWatch::Alarm are not in moto's CloudFormation"
  [tags_everywhere]="AWS::Lambda::Alias, AWS::Lambda::Url, AWS::Lambda::CodeSigningConfig, AWS::Signer::SigningProfile, AWS::SecretsManager::Secret and AWS::CodeGuruProfiler::ProfilingGroup are not in moto's CloudFormation"
)
# Examples that moto's CloudFormation could create but no account holds what they import: their
# permissions name functions made outside the app (MyFn, MyOtherFn, ThirdFn), which CloudFormation
# (moto's too: "XML parse error" from its failed Lambda::Permission) refuses when they do not exist;
# or their functions run container images that exist nowhere (an ECR tag nobody pushed) or that
# only a Docker engine, which this test does not need, builds at deploy time; or custom resources
# whose provider function moto would have to run (in Docker); or a VPC that moto creates but cannot
# delete (its CloudFormation has no delete for NAT gateways, EIPs, route tables and routes, internet
# gateways: `cdk destroy` fails with DependencyViolation on the VPC; deploy, check and diff pass).
# Not deployed, and not held to the resource-type check above.
declare -A SKIP_IMPORTS=(
  [docker_ecr]="its images are an ECR tag and digest that nobody pushed (CloudFormation needs the image to exist)"
  [docker_image_asset]="its image assets are built by a Docker engine at deploy time"
  [log_retention]="its Custom::LogRetention resources need their provider function to run, which moto runs only in a Docker engine"
  [log_group_custom]="its log group has the fixed name customLogGroup, as advanced_logging's has (both oracle apps name it so): deployed side by side, the second is refused (ResourceAlreadyExistsException, which the CLI reports as '@aws-sdk XML parse error' from moto)"
  [event_source_s3]="its Custom::S3BucketNotifications resource needs its handler function to run, which moto runs only in a Docker engine"
  [imported_functions]="its permissions are on functions imported by ARN and name, which exist in no account"
  [imported_functions_env]="its permissions are on functions imported by ARN and name, which exist in no account"
)
# Examples deployed, checked and diffed like the others but not destroyed: moto's CloudFormation has
# no delete for NAT gateways, EIPs, route tables, routes and internet gateways, so `cdk destroy` of a
# VPC fails with DependencyViolation. The emulator is thrown away at the end anyway.
declare -A NO_DESTROY=(
  [efs_vpc]="moto's CloudFormation cannot delete its VPC (DependencyViolation)"
)
# `scale` is the benchmark app (it takes arguments): not deployed as an example, but step 4 uses
# its `bigasset DIR` mode to deploy a handler folder outside the repository.

# --- 1. tools -----------------------------------------------------------------------------------
t_install=$(now_us)
if [ ! -x .venv/bin/python ]; then
  echo "creating .venv" >&2
  python3 -m venv .venv
fi
if [ "$(.venv/bin/python -c 'import importlib.metadata as m; print(m.version("moto"))' 2>/dev/null || true)" != "$MOTO_VERSION" ] \
  || [ ! -x .venv/bin/moto_server ]; then
  echo "installing moto[server]==$MOTO_VERSION into .venv" >&2
  # keep the cfn-lint that scripts/test.sh pinned (moto[server] accepts any recent one)
  keep=()
  cfn=$(.venv/bin/python -c 'import importlib.metadata as m; print(m.version("cfn-lint"))' 2>/dev/null || true)
  [ -n "$cfn" ] && keep=("cfn-lint==$cfn")
  .venv/bin/python -m pip install --quiet --disable-pip-version-check "moto[server]==$MOTO_VERSION" "${keep[@]}" >&2
fi
if [ -n "${CDK_CLI:-}" ] && [ -x "$CDK_CLI" ]; then
  cdk_cli=$CDK_CLI # as scripts/test.sh exports it
else
  cdk_pkg=.tools/cdk/node_modules/aws-cdk/package.json
  if [ "$(node -p "require('./$cdk_pkg').version" 2>/dev/null || true)" != "$CDK_CLI_VERSION" ]; then
    echo "installing aws-cdk@$CDK_CLI_VERSION into .tools/cdk" >&2
    mkdir -p .tools/cdk
    npm install --prefix .tools/cdk "aws-cdk@$CDK_CLI_VERSION" --no-audit --no-fund --loglevel=error >&2
  fi
  cdk_cli=$root/.tools/cdk/node_modules/.bin/cdk
fi
cargo build --examples --quiet
install_s=$(secs_since "$t_install")

# --- 2. moto_server -----------------------------------------------------------------------------
work=$(mktemp -d "${TMPDIR:-/tmp}/lambda-cdk-deploy.XXXXXX")
moto_pid=
lane_pids=()
cleanup() {
  for pid in "${lane_pids[@]}"; do # a lane and the CLI or check it runs (interrupted runs only)
    pkill -P "$pid" 2>/dev/null || true
    kill "$pid" 2>/dev/null || true
  done
  if [ -n "$moto_pid" ]; then
    kill "$moto_pid" 2>/dev/null || true
    wait "$moto_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port=$(.venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
.venv/bin/moto_server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
moto_pid=$!
endpoint=http://localhost:$port
ready=
for _ in $(seq 150); do
  if .venv/bin/python -c "import urllib.request as u; u.urlopen('$endpoint/moto-api/', timeout=1)" 2>/dev/null; then
    ready=1
    break
  fi
  if ! kill -0 "$moto_pid" 2>/dev/null; then
    break
  fi
  sleep 0.2
done
if [ -z "$ready" ]; then
  cat "$work/moto.log" >&2
  echo "deploy-test: moto_server did not answer on $endpoint" >&2
  echo "deploy: 0 passed, 1 failed"
  exit 1
fi
echo "moto_server $MOTO_VERSION on $endpoint (pid $moto_pid)"

export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_SESSION_TOKEN=testing
export AWS_REGION=$REGION AWS_DEFAULT_REGION=$REGION AWS_ENDPOINT_URL=$endpoint
unset AWS_PROFILE AWS_CONFIG_FILE AWS_SHARED_CREDENTIALS_FILE CDK_OUTDIR CDK_CONTEXT_JSON
export AWS_CONFIG_FILE=$work/aws-config AWS_SHARED_CREDENTIALS_FILE=$work/aws-credentials
export CDK_DISABLE_VERSION_CHECK=1 CDK_DISABLE_CLI_TELEMETRY=true NODE_NO_WARNINGS=1

# --- steps --------------------------------------------------------------------------------------
passed=0
failed=0
# step TITLE COMMAND...: runs COMMAND with its output in a log; prints ok or FAIL and the time, and
# the log on failure (check.py's lines always: they are what was checked).
step() {
  local title=$1
  shift
  local log t0 rc=0 secs
  log=$(mktemp "$work/step.XXXXXX")
  t0=$(now_us)
  "$@" >"$log" 2>&1 || rc=$?
  secs=$(secs_since "$t0")
  if [ "$rc" = 0 ]; then
    passed=$((passed + 1))
    printf 'ok   %-58s %5ss\n' "$title" "$secs"
    case $1 in check | synth_all) sed 's/^/     /' "$log" ;; esac
  else
    failed=$((failed + 1))
    printf 'FAIL %-58s %5ss (exit %s)\n' "$title" "$secs" "$rc"
    tail -n 40 "$log" | sed 's/^/     | /'
  fi
  return "$rc"
}
cdk() { "$cdk_cli" --no-notices "$@"; }
check() { "$root/.venv/bin/python" "$root/tests/deploy/check.py" "$@"; }
# diff_clean ARGS...: `cdk diff` finds no difference between the deployed stack and a fresh synthesis
diff_clean() {
  local out rc=0
  out=$(cdk diff --method=template --fail "$@" 2>&1) || rc=$?
  printf '%s\n' "$out"
  [ "$rc" = 0 ] && grep -q "Number of stacks with differences: 0" <<<"$out"
}
# diff_changed ARGS...: `cdk diff` reports a difference (and exits 1 for it, as --fail asks)
diff_changed() {
  local out rc=0
  out=$(cdk diff --method=template --fail "$@" 2>&1) || rc=$?
  printf '%s\n' "$out"
  [ "$rc" = 1 ] && grep -q "Number of stacks with differences: 1" <<<"$out"
}

# --- 3. bootstrap, then every deployable example --------------------------------------------------
mkdir -p "$work/synth" "$work/out" "$work/diff"
examples=()
for src in examples/*.rs; do
  name=$(basename "$src" .rs)
  [ "$name" = scale ] && continue
  if [ -n "${SKIP_IMPORTS[$name]:-}" ]; then
    echo "$name: not deployed: ${SKIP_IMPORTS[$name]}"
    skipped_imports=$((${skipped_imports:-0} + 1))
    continue
  fi
  examples+=("$name")
done

# which examples moto can deploy, checked against SKIP
synth_all() {
  for name in "${examples[@]}"; do
    CDK_OUTDIR=$work/synth/$name "target/debug/examples/$name" >/dev/null || return 1
  done
  check types "${examples[@]/#/$work/synth/}" >"$work/types" || return 1
  local bad=0 name unsupported
  while IFS=$'\t' read -r name unsupported; do
    if [ -n "${SKIP[$name]:-}" ] && [ -z "$unsupported" ]; then
      echo "$name is in SKIP, but moto's CloudFormation creates all its resource types: deploy it"
      bad=1
    elif [ -z "${SKIP[$name]:-}" ] && [ -n "$unsupported" ]; then
      echo "$name has resource types moto's CloudFormation does not create ($unsupported): add it to SKIP"
      bad=1
    elif [ -n "$unsupported" ]; then
      echo "$name: not deployed: ${SKIP[$name]} (moto lacks $unsupported)"
    fi
  done <"$work/types"
  return "$bad"
}
deployable=()
skipped=${skipped_imports:-0}
step "resource types: the skip list matches moto's CloudFormation" synth_all || true
for name in "${examples[@]}"; do
  if [ -n "${SKIP[$name]:-}" ]; then
    skipped=$((skipped + 1))
  elif [ -n "${DEPLOY_TEST_EXAMPLES:-}" ] && [[ " $DEPLOY_TEST_EXAMPLES " != *" $name "* ]]; then
    continue # not asked for (a partial run, while working on the test)
  else
    deployable+=("$name")
  fi
done

# deploy_example NAME: deploy, check, diff, destroy one example
deploy_example() {
  local name=$1 app=target/debug/examples/$1 out=$work/out/$1 method how=
  # a change set of the example's own name, or CreateStack if it has outputs (see the top)
  method=(--change-set-name "deploy-test-${name//_/-}")
  if grep -q '^ "Outputs":' "$work/synth/$name"/*.template.json; then
    method=(--method=direct)
    how=" (--method=direct: it has outputs)"
  fi
  step "cdk deploy $name$how" cdk deploy --app "$app" --output "$out" --require-approval never \
    --all "${method[@]}" || return 0
  step "check deployed $name" check deployed "$out" --save "$work/deployed-$name.json" || true
  step "cdk diff $name: no change" diff_clean --app "$app" --output "$work/diff/$name" || true
  if [ -n "${NO_DESTROY[$name]:-}" ]; then
    echo "$name: not destroyed: ${NO_DESTROY[$name]}"
    return 0
  fi
  step "cdk destroy $name" cdk destroy --app "$out" --force --all || true
  step "check destroyed $name" check destroyed "$out" "$work/deployed-$name.json" || true
}

# --- 4. a changed handler file redeploys with new code ------------------------------------------
# (an update: `--method=direct --no-previous-parameters`, see the moto workarounds at the top)
redeploy_changed_handler() {
  local handler=$work/handler
  cp -R fixtures/handler-node "$handler"
  local app="target/debug/examples/scale bigasset $handler"
  step "cdk deploy BigAsset (a copy of fixtures/handler-node)" \
    cdk deploy --app "$app" --output "$work/out/redeploy-1" --require-approval never --all \
    --change-set-name deploy-test-redeploy || return 0
  step "check deployed BigAsset" check deployed "$work/out/redeploy-1" --save "$work/before.json" || true
  printf '// changed by deploy-test.sh\n' >>"$handler/index.js"
  step "cdk diff BigAsset after index.js changed: a difference" \
    diff_changed --app "$app" --output "$work/diff/redeploy" || true
  if step "cdk deploy BigAsset again (update)" \
    cdk deploy --method=direct --no-previous-parameters --app "$app" --output "$work/out/redeploy-2" \
    --require-approval never --all; then
    step "check deployed BigAsset: the new asset" check deployed "$work/out/redeploy-2" || true
    step "check BigAsset runs the changed index.js" \
      check changed "$work/before.json" "$work/out/redeploy-2" "$handler" || true
    step "cdk diff BigAsset: no change" diff_clean --app "$app" --output "$work/diff/redeploy-2" || true
  fi
  step "cdk destroy BigAsset" cdk destroy --app "$work/out/redeploy-1" --force --all || true
  step "check destroyed BigAsset" check destroyed "$work/out/redeploy-1" "$work/before.json" || true
}

# The jobs (each example, and the redeploy) run in DEPLOY_TEST_JOBS lanes at once (default 2: most
# of the time is the CLI's CPU-bound start-up); each job's report is printed when all are done, in
# order.
# run_job NAME COMMAND...: runs a job with its own counts and report
run_job() {
  local name=$1
  shift
  passed=0
  failed=0
  "$@" >"$work/report-$name" 2>&1 || true
  echo "$passed $failed" >"$work/count-$name"
}
if step "cdk bootstrap aws://$ACCOUNT/$REGION" cdk bootstrap "aws://$ACCOUNT/$REGION"; then
  jobs_list=("${deployable[@]}")
  if [ -z "${DEPLOY_TEST_EXAMPLES:-}" ] || [[ " $DEPLOY_TEST_EXAMPLES " == *" redeploy "* ]]; then
    jobs_list+=(redeploy)
  fi
  lanes=${DEPLOY_TEST_JOBS:-2}
  then_=
  [ "${jobs_list[-1]:-}" = redeploy ] && then_=", then a changed handler"
  echo "deploying ${#deployable[@]} examples$then_, $lanes at a time"
  lane_pids=()
  for ((lane = 0; lane < lanes; lane++)); do
    (
      for ((i = lane; i < ${#jobs_list[@]}; i += lanes)); do
        job=${jobs_list[$i]}
        if [ "$job" = redeploy ]; then
          run_job "$job" redeploy_changed_handler
        else
          run_job "$job" deploy_example "$job"
        fi
      done
    ) &
    lane_pids+=($!)
  done
  wait "${lane_pids[@]}" || true
  lane_pids=()
  for job in "${jobs_list[@]}"; do
    cat "$work/report-$job" 2>/dev/null || true
    if read -r p f <"$work/count-$job" 2>/dev/null; then
      passed=$((passed + p))
      failed=$((failed + f))
    else
      echo "FAIL $job: the job did not finish"
      failed=$((failed + 1))
    fi
  done
fi

# --- 5. summary ---------------------------------------------------------------------------------
echo "deploy test: $(secs_since "$t_start") s in all ($install_s s of it installing and building), moto_server $MOTO_VERSION, CDK CLI $("$cdk_cli" --version 2>/dev/null | head -n 1 | cut -d' ' -f1)"
echo "deploy: $passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
