package org.oscar.stream.job;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.oscar.contract.codec.Json;

/**
 * A walk through the running local demo ({@code deploy/local/run.sh}) in headless Chromium, as a
 * person would take it, with a screenshot of each step under {@code target/tour/}: the first press
 * rings in the control room until it is taken, choosing the case takes the map to it, and the demo
 * unit PCR-WEB-1, logged in on the responder page near the second survivor, accepts the task it is
 * sent. Run by {@code deploy/local/tour.sh} while the demo runs; start it with the demo, since the
 * second survivor presses 45 s after the simulator starts.
 */
public final class DemoTour {
  private static final String UNIT = "PCR-WEB-1";
  // Beside SURV-DEMO-2 of the demo scenario, so this crew is the nearest police unit to her press.
  private static final String LAT = "20.3290";
  private static final String LON = "85.8110";

  private DemoTour() {}

  public static void main(String[] args) throws Exception {
    String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
    Map<String, String> secrets =
        Json.mapper()
            .readValue(
                Files.readString(Path.of(args.length > 1 ? args[1] : ".run/device-secrets.json")),
                new TypeReference<Map<String, String>>() {});
    WebDriver phone = Chromium.start(390, 844);
    WebDriver room = Chromium.start(1366, 768);
    try {
      WebDriverWait onPhone = waitOn(phone, 60);
      phone.get(base + "/responder.html");
      ResponderPage.logIn(phone, onPhone, UNIT, secrets.get(UNIT));
      phone.findElement(By.id("manual-lat")).sendKeys(LAT);
      phone.findElement(By.id("manual-lon")).sendKeys(LON);
      step("responder page logged in as " + UNIT);

      WebDriverWait inRoom = waitOn(room, 120);
      room.get(base + "/");
      room.findElement(By.id("username")).sendKeys("control.khordha");
      room.findElement(By.id("password")).sendKeys("oscar-demo");
      room.findElement(By.id("login-button")).click();
      // The job may still be starting: report in until the control room's map shows the crew.
      inRoom.until(
          b -> {
            phone.findElement(By.id("send-position")).click();
            phone.findElement(By.cssSelector("[data-status='AVAILABLE']")).click();
            return !b.findElements(By.cssSelector("[data-unit='" + UNIT + "']")).isEmpty();
          });
      step("the control room shows " + UNIT + " available");

      inRoom.until(b -> b.findElement(By.id("call-alarm")).isDisplayed());
      inRoom.until(
          b -> "true".equals(b.findElement(By.id("call-alarm")).getAttribute("data-sounding")));
      Chromium.screenshot(room, "tour/1-control-room-ringing.png");
      step("a press rings: " + room.findElement(By.id("call-alarm")).getText());
      ControlRoomPage.takeEveryCall(inRoom);
      inRoom.until(
          b -> {
            b.findElement(By.cssSelector("#incidents li[data-incident]")).click();
            return Double.parseDouble(b.findElement(By.id("map")).getAttribute("data-zoom")) >= 15;
          });
      Chromium.screenshot(room, "tour/2-control-room-case-zoomed.png");
      step("taken, and the map zoomed to the case");

      WebDriverWait forTask = waitOn(phone, 120);
      String incident = ResponderPage.awaitTask(phone, forTask);
      Chromium.screenshot(phone, "tour/3-responder-task.png");
      step("the crew is sent to " + incident);
      ResponderPage.accept(phone, onPhone);
      Chromium.screenshot(phone, "tour/4-responder-accepted.png");
      step("the crew accepted");

      ControlRoomPage.takeEveryCall(inRoom);
      ControlRoomPage.awaitAccepted(inRoom, incident, UNIT);
      Chromium.screenshot(room, "tour/5-control-room-crew-accepted.png");
      step("the control room shows " + UNIT + " ACCEPTED on " + incident);
    } finally {
      phone.quit();
      room.quit();
    }
  }

  private static WebDriverWait waitOn(WebDriver browser, int seconds) {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(seconds));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  private static void step(String what) {
    System.out.println("[tour] " + what);
  }
}
