package org.guangsha.platform.casework;

/** How a case was filed. */
public enum Channel {
    /** 移动端 (H5, mini-program). */
    MOBILE,
    /** 电脑端. */
    PC,
    /** 窗口: a staff member filed it at the counter on the citizen's behalf. */
    COUNTER
}
