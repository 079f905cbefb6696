package org.oscar.stream.job;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What the browser tests and the demo tour do on the responder page. */
final class ResponderPage {
  private ResponderPage() {}

  /** Logs in as the unit and waits until the page says it is online. */
  static void logIn(WebDriver phone, WebDriverWait wait, String unit, String secret) {
    phone.findElement(By.id("unit-id")).sendKeys(unit);
    phone.findElement(By.id("unit-secret")).sendKeys(secret);
    phone.findElement(By.id("connect")).click();
    wait.until(b -> "online".equals(b.findElement(By.id("conn")).getAttribute("data-state")));
  }

  /** Waits for a task to be offered; returns its incident. */
  static String awaitTask(WebDriver phone, WebDriverWait wait) {
    wait.until(b -> "offered".equals(b.findElement(By.id("task")).getAttribute("data-state")));
    return phone.findElement(By.id("task")).getAttribute("data-incident");
  }

  /** Accepts the task offered and waits until the page shows it accepted. */
  static void accept(WebDriver phone, WebDriverWait wait) {
    phone.findElement(By.id("accept")).click();
    wait.until(b -> "accepted".equals(b.findElement(By.id("task")).getAttribute("data-state")));
  }
}
