/** Cases and review (C-1 … C-3): storage, queues, decisions, withdrawal, progress and REST. */
package org.guangsha.platform.internal.casework;
