package io.cityloop.notification.delivery.model;

/** The ways a subscription reaches people outside the apps; live push to the apps needs no subscription. */
public enum Channel {

    /** 企业微信 group robot: a webhook URL with its key. */
    WECOM,

    /** 钉钉 custom robot: a webhook URL with its access token and a signing secret. */
    DINGTALK,

    /** SMS to a mainland mobile number through the configured provider. */
    SMS,

    /** E-mail over SMTP. */
    EMAIL,

    /** A generic webhook of another system: a URL and a secret the deliveries are signed with. */
    WEBHOOK
}
