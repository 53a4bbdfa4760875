//! Every shape of builder lambda-cdk uses, built and read back: what each setter stores, what
//! an unset member becomes, and that the original function receives the members in order.
//! (Compile errors are in tests/ui.rs.)

use lambda_builder::{builders, Builder};

#[derive(Debug, PartialEq)]
struct Made {
    scope: String,
    id: String,
    name: String,
    size: u32,
    label: Option<String>,
    flag: bool,
    level: u8,
}

#[builders]
impl Made {
    /// A thing under `scope`.
    #[builder(finish_fn = build)]
    fn new(
        #[builder(finish_fn)] scope: &str,
        #[builder(finish_fn)] id: &str,
        /// Required, `impl Into<String>`.
        #[builder(into)]
        name: String,
        /// Required.
        size: u32,
        /// Optional.
        #[builder(into)]
        label: Option<String>,
        /// `false` unless set.
        #[builder(default)]
        flag: bool,
        /// 7 unless set.
        #[builder(default = 7)]
        level: u8,
    ) -> Result<Self, String> {
        if size == 0 {
            return Err(format!("{scope}/{id}: size 0"));
        }
        Ok(Made {
            scope: scope.to_string(),
            id: id.to_string(),
            name,
            size,
            label,
            flag,
            level,
        })
    }

    /// Not a builder: left as it is.
    fn untouched(&self) -> u32 {
        self.size * 2
    }
}

#[test]
fn required_members_in_any_order_and_defaults_for_the_rest() {
    let made = Made::builder()
        .size(3)
        .name("a")
        .build("Stack", "Made")
        .unwrap();
    assert_eq!(
        made,
        Made {
            scope: "Stack".into(),
            id: "Made".into(),
            name: "a".into(),
            size: 3,
            label: None,
            flag: false,
            level: 7,
        }
    );
    assert_eq!(made.untouched(), 6);
}

#[test]
fn optional_and_default_members_take_values_and_options() {
    let made = Made::builder()
        .name(String::from("b"))
        .label("x")
        .flag(true)
        .level(1)
        .size(1)
        .build("S", "M")
        .unwrap();
    assert_eq!(
        (made.label.as_deref(), made.flag, made.level),
        (Some("x"), true, 1)
    );

    let made = Made::builder()
        .name("c")
        .size(1)
        .label("set, then unset")
        .maybe_label(None::<String>)
        .maybe_flag(Some(true))
        .maybe_level(None)
        .build("S", "M")
        .unwrap();
    assert_eq!((made.label, made.flag, made.level), (None, true, 7));
}

#[test]
fn the_last_value_of_an_optional_member_wins() {
    let made = Made::builder()
        .name("d")
        .size(1)
        .level(2)
        .level(3)
        .build("S", "M")
        .unwrap();
    assert_eq!(made.level, 3);
}

#[test]
fn build_returns_what_the_function_returns() {
    let err = Made::builder()
        .name("e")
        .size(0)
        .build("S", "M")
        .unwrap_err();
    assert_eq!(err, "S/M: size 0");
}

/// A start argument by reference, and a builder on a `&self` method.
struct Topic(String);

struct Subscription {
    topic: String,
    raw: bool,
}

#[builders]
impl Subscription {
    /// A subscription to `topic`.
    #[builder]
    fn new(
        #[builder(start_fn)] topic: &Topic,
        /// Raw delivery.
        #[builder(default)]
        raw: bool,
    ) -> Self {
        Subscription {
            topic: topic.0.clone(),
            raw,
        }
    }
}

#[builders]
impl Topic {
    /// Subscribes under this topic.
    #[builder(finish_fn = build)]
    fn add_subscription(
        &self,
        /// Raw delivery.
        raw: Option<bool>,
    ) -> Subscription {
        Subscription::builder(self).maybe_raw(raw).build()
    }
}

#[test]
fn start_arguments_and_receivers_are_held_by_reference() {
    let topic = Topic("orders".into());
    let subscription = Subscription::builder(&topic).raw(true).build();
    assert_eq!(
        (subscription.topic.as_str(), subscription.raw),
        ("orders", true)
    );
    let subscription = topic.add_subscription().build();
    assert_eq!(
        (subscription.topic.as_str(), subscription.raw),
        ("orders", false)
    );
    let _named: TopicAddSubscriptionBuilder<'_> = topic.add_subscription();
}

/// An `impl` with a lifetime of its own.
struct Target<'a> {
    handler: &'a str,
    retries: Option<u32>,
}

#[builders]
impl<'a> Target<'a> {
    /// A target for `handler`.
    #[builder]
    fn new(
        #[builder(start_fn)] handler: &'a str,
        /// Retries.
        retries: Option<u32>,
    ) -> Self {
        Target { handler, retries }
    }
}

#[test]
fn impl_lifetimes_carry_over() {
    let name = String::from("fn");
    let target = Target::builder(&name).retries(2).build();
    assert_eq!((target.handler, target.retries), ("fn", Some(2)));
}

/// The derive, with the options `#[lambda_function]` uses.
#[derive(Builder, Debug, PartialEq)]
#[builder(builder_type = OrdersBuilder, state_mod = orders_builder, finish_fn(name = props, vis = ""))]
struct Orders {
    table_name: String,
    #[builder(into)]
    log_level: Option<String>,
    #[builder(into, default = String::from("x"))]
    mode: String,
    r#type: u8,
}

impl<S> OrdersBuilder<S> {
    fn finish(self) -> Orders
    where
        S: orders_builder::IsComplete,
    {
        self.props()
    }
}

#[test]
fn derive_with_renamed_builder_state_module_and_finish() {
    // The builder type names its starting state with defaults.
    let _start: OrdersBuilder = Orders::builder();
    let built = Orders::builder()
        .r#type(1)
        .table_name("t".to_string())
        .log_level("debug")
        .finish();
    assert_eq!(
        built,
        Orders {
            table_name: "t".into(),
            log_level: Some("debug".into()),
            mode: "x".into(),
            r#type: 1,
        }
    );
}

/// No required member: `build` is callable at once.
#[derive(Builder, Default, Debug, PartialEq)]
#[builder(finish_fn = build)]
pub struct Options {
    /// A name.
    #[builder(into)]
    pub name: Option<String>,
    /// Extra arguments.
    #[builder(default)]
    pub args: Vec<String>,
}

#[test]
fn a_builder_without_required_members_builds_at_once() {
    assert_eq!(Options::builder().build(), Options::default());
    assert_eq!(
        Options::builder().args(vec!["a".into()]).name("n").build(),
        Options {
            name: Some("n".into()),
            args: vec!["a".into()]
        }
    );
}
