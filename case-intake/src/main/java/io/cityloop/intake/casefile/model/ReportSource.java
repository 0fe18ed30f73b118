package io.cityloop.intake.casefile.model;

/** 案件来源: the channel a report came through, counted separately in the statistics. */
public enum ReportSource {
    /** 监督员上报 */
    INSPECTOR,
    /** 12345 热线: an operator reports on behalf of a caller. */
    HOTLINE,
    /** 公众举报: a citizen, possibly anonymous. */
    PUBLIC,
    /** 物联网感知: a sensor alarm (water level, gas concentration, manhole tilt…). */
    SENSOR,
    /** 视频智能识别: a video AI detection. */
    VIDEO_AI
}
