package org.oscar.stream.job;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What the browser tests and the demo tour do on the control-room page. */
final class ControlRoomPage {
  private ControlRoomPage() {}

  /**
   * Clicks Take until the alarm is gone. The banner is redrawn on every live event, so a button
   * found a moment ago may be gone: the wait retries (it must ignore stale elements).
   */
  static void takeEveryCall(WebDriverWait wait) {
    wait.until(
        b -> {
          List<WebElement> take = b.findElements(By.cssSelector("#call-alarm button.take"));
          if (!take.isEmpty() && b.findElement(By.id("call-alarm")).isDisplayed()) {
            take.get(0).click();
          }
          return !b.findElement(By.id("call-alarm")).isDisplayed();
        });
  }

  /** Opens the incident from the queue until its assignments show the unit's acceptance. */
  static void awaitAccepted(WebDriverWait wait, String incident, String unit) {
    wait.until(
        b -> {
          b.findElement(By.cssSelector("#incidents li[data-incident='" + incident + "']")).click();
          return b.findElement(By.id("detail-assignments")).getText().contains(unit + " (ACCEPTED");
        });
  }
}
