package org.oscar.stream.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.oscar.contract.live.IncidentView;
import org.oscar.contract.live.LiveKeys;
import org.oscar.contract.registry.DeviceRecord;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.gateway.registry.DeviceRegistry;
import org.oscar.stream.directory.DeviceDirectory;
import org.oscar.stream.directory.DeviceEntry;
import org.oscar.stream.directory.DirectorySource;
import org.oscar.stream.region.TestRegions;

/**
 * The control-room page in Debian's headless Chromium, against the whole stack (Mosquitto, the
 * Flink job, Redis, the alert API): a user logs in, watches a labelled unit move on the Leaflet map
 * as its terminal reports, zooms in and back to her area, hears a press ring until she takes it,
 * opens its timeline, and the page is saved as screenshots under {@code target/}. When the API goes
 * away, the page says so, and once it is back it catches up on what it missed. A crew on the
 * phone-sized responder page reports in, accepts the task it is sent, and the control room sees it.
 *
 * <p>The tests run in order, one shift's story: each leaves its incidents open for the next.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ControlRoomBrowserITCase {
  private static final String REGION = "khordha";
  private static final double LAT = 20.265367;
  private static final double LON = 85.828033;

  @RegisterExtension static final MiniClusterExtension FLINK = LocalStack.miniCluster();

  private static LocalStack stack;
  private static JobClient job;
  private static MqttTestClient mqtt;
  private static Devices devices;
  private static WebDriver browser;

  @BeforeAll
  static void start(@InjectMiniCluster MiniCluster flink) throws Exception {
    stack = new LocalStack();
    OscarJob oscar =
        stack.job(
            "it-browser",
            DirectorySource.fixed(
                new DeviceDirectory(
                    Map.of(
                        "BR-PCR-1", new DeviceEntry("BR-PCR-1", DeviceKind.POLICE, REGION),
                        "BR-AMB-1", new DeviceEntry("BR-AMB-1", DeviceKind.AMBULANCE, REGION),
                        "BR-PCR-2", new DeviceEntry("BR-PCR-2", DeviceKind.POLICE, REGION),
                        "BR-SURV", new DeviceEntry("BR-SURV", DeviceKind.PANIC, REGION),
                        "BR-SURV-2", new DeviceEntry("BR-SURV-2", DeviceKind.PANIC, REGION),
                        "BR-WEB-1", new DeviceEntry("BR-WEB-1", DeviceKind.POLICE, REGION),
                        "BR-SURV-3", new DeviceEntry("BR-SURV-3", DeviceKind.PANIC, REGION)))),
            TestRegions.khordhaAs(REGION));
    StreamExecutionEnvironment env = LocalStack.environment(flink);
    env.enableCheckpointing(1_000);
    oscar.build(env);
    job = env.executeAsync("oscar-browser-it");
    mqtt = new MqttTestClient(stack.mosquitto.url());
    mqtt.subscribe("oscar/v1/unit/+/task", "oscar/v1/dev/+/notice");
    devices = new Devices(mqtt);
    browser = Chromium.start(1366, 768); // the smallest screen a control room should have
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (job != null) {
      job.cancel().get();
    }
    mqtt.close();
    stack.close();
  }

  @Test
  @Order(1)
  void aUserLogsInWatchesAUnitMoveAndSeesAnIncidentWithItsTimeline() throws Exception {
    devices.unitStatus("BR-PCR-1", "AVAILABLE");
    devices.unitAt("BR-PCR-1", LAT + 0.01, LON);
    devices.unitStatus("BR-AMB-1", "AVAILABLE");
    devices.unitAt("BR-AMB-1", LAT - 0.01, LON);
    devices.unitStatus("BR-PCR-2", "AVAILABLE");
    devices.unitAt("BR-PCR-2", LAT + 0.05, LON + 0.05);

    openLoggedIn();

    // The page redraws the map on every live event: an element found a moment ago may be gone.
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.ignoring(StaleElementReferenceException.class);
    wait.until(b -> !b.findElements(By.cssSelector("[data-unit='BR-PCR-1']")).isEmpty());
    wait.until(b -> b.findElement(By.id("feed-state")).getText().startsWith("live"));
    // Units are labelled by their id and marked by kind.
    assertThat(browser.findElement(By.cssSelector("[data-unit='BR-AMB-1']")).getText())
        .contains("A")
        .contains("BR-AMB-1");
    assertThat(browser.findElement(By.cssSelector("[data-unit='BR-PCR-1']")).getAttribute("class"))
        .contains("POLICE");
    // The area's facilities are on the map before any case names one: OSC, hospitals, shelter.
    for (String facility : List.of("OSC-KHORDHA", "HOSP-AIIMS-BBSR", "SHAKTI-SADAN-KHORDHA")) {
      assertThat(browser.findElements(By.cssSelector("[data-facility='" + facility + "']")))
          .as(facility)
          .hasSize(1);
    }
    int before = unitX("BR-PCR-1");

    // It drives east; its terminal says it heads 80° (the bearing of the move alone is 90°).
    devices.unitAt("BR-PCR-1", LAT + 0.01, LON + 0.02, 80);

    wait.until(b -> unitX("BR-PCR-1") != before);
    assertThat(unitX("BR-PCR-1")).isGreaterThan(before);
    wait.until(
        b ->
            b.findElement(By.cssSelector("[data-unit='BR-PCR-1'] .heading"))
                .getAttribute("style")
                .contains("rotate(80deg)"));
    screenshot("control-room-map-area.png");
    String areaZoom = browser.findElement(By.id("map")).getAttribute("data-zoom");
    // Two steps in, each once the one before has ended (a click during the animation is lost).
    for (int step = 1; step <= 2; step++) {
      double target = Double.parseDouble(areaZoom) + step;
      browser.findElement(By.cssSelector(".leaflet-control-zoom-in")).click();
      wait.until(
          b -> Double.parseDouble(b.findElement(By.id("map")).getAttribute("data-zoom")) >= target);
    }
    screenshot("control-room-map-zoomed.png");
    browser.findElement(By.id("fit-area")).click();
    wait.until(b -> b.findElement(By.id("map")).getAttribute("data-zoom").equals(areaZoom));

    devices.press("BR-SURV", LAT, LON, false);

    // The press rings until an operator takes it: a banner, and the page's alarm sounding.
    wait.until(b -> b.findElement(By.id("call-alarm")).isDisplayed());
    wait.until(
        b -> "true".equals(b.findElement(By.id("call-alarm")).getAttribute("data-sounding")));
    wait.until(b -> b.findElement(By.id("call-alarm")).getAttribute("data-beeps") != null);
    assertThat(browser.findElement(By.id("call-alarm")).getAttribute("data-audio"))
        .isEqualTo("running");
    assertThat(browser.findElement(By.tagName("body")).getAttribute("data-alarm"))
        .isEqualTo("ringing");
    screenshot("control-room-alarm.png");
    ControlRoomPage.takeEveryCall(wait);
    assertThat(browser.findElement(By.id("call-alarm")).getAttribute("data-sounding"))
        .isEqualTo("false");

    wait.until(b -> !b.findElements(By.cssSelector("#incidents li[data-incident]")).isEmpty());
    wait.until(
        b ->
            b.findElement(By.cssSelector("#incidents li[data-incident]"))
                .getText()
                .contains("Capital Police Station"));
    wait.until(
        b -> {
          b.findElement(By.cssSelector("#incidents li[data-incident]")).click();
          return b.findElement(By.id("detail-timeline")).getText().contains("OPENED");
        });
    wait.until(
        b ->
            b.findElement(By.id("detail-timeline"))
                .getText()
                .contains("TAKEN operator:" + LocalStack.USER));
    wait.until(b -> b.findElements(By.cssSelector("#map [data-incident]")).size() == 1);
    // Choosing the case takes the map to her.
    wait.until(
        b -> Double.parseDouble(b.findElement(By.id("map")).getAttribute("data-zoom")) >= 15);

    // The operator sends the farther unit instead, by hand: the job does it and says who did.
    wait.until(b -> !b.findElements(By.cssSelector("#op-unit option[value='BR-PCR-2']")).isEmpty());
    wait.until(
        b -> {
          new Select(b.findElement(By.id("op-unit"))).selectByValue("BR-PCR-2");
          b.findElement(By.id("op-assign")).click();
          return true;
        });
    wait.until(
        b -> {
          b.findElement(By.cssSelector("#incidents li[data-incident]")).click();
          return b.findElement(By.id("detail-timeline")).getText().contains("ASSIGNED_BY_OPERATOR");
        });
    wait.until(
        b ->
            b.findElement(By.id("detail-timeline"))
                .getText()
                .contains("operator:" + LocalStack.USER));
    assertThat(devices.tasks("BR-PCR-2", org.oscar.contract.wire.TaskAction.ASSIGN)).hasSize(1);

    // A call to the helpline: the operator picks the place on the map and opens a case.
    browser.findElement(By.id("op-new")).click();
    new Actions(browser)
        .moveToElement(browser.findElement(By.id("map")), -120, 120)
        .click()
        .perform();
    wait.until(b -> b.findElement(By.id("new-case-submit")).isEnabled());
    browser.findElement(By.id("new-case-submit")).click();
    wait.until(b -> b.findElements(By.cssSelector("#incidents li[data-incident]")).size() == 2);

    screenshot("control-room.png");

    // A press with no GPS fix: the page raises its banner; the operator calls her back and clicks
    // where she is; units are sent.
    devices.pressWithoutFix("BR-SURV-2");
    wait.until(b -> b.findElement(By.id("unlocated-alarm")).isDisplayed());
    assertThat(browser.findElement(By.id("unlocated-alarm")).getText())
        .contains("no location: call her back");
    await().atMost(Duration.ofSeconds(30)).until(() -> !devices.notices("BR-SURV-2").isEmpty());
    String unlocated = devices.notices("BR-SURV-2").get(0).incidentId();
    screenshot("control-room-location-unknown.png");
    wait.until(
        b -> {
          b.findElement(By.cssSelector("#incidents li[data-incident='" + unlocated + "']")).click();
          return b.findElement(By.id("op-locate")).isDisplayed();
        });
    browser.findElement(By.id("op-locate")).click();
    new Actions(browser)
        .moveToElement(browser.findElement(By.id("map")), -120, 120)
        .click()
        .perform();
    IncidentView located = stack.awaitIncident(unlocated, v -> !v.locationUnknown());
    assertThat(located.timeline())
        .filteredOn(t -> t.what().equals("LOCATED"))
        .singleElement()
        .satisfies(t -> assertThat(t.who()).isEqualTo("operator:" + LocalStack.USER));
    wait.until(b -> !b.findElement(By.id("unlocated-alarm")).isDisplayed());
  }

  @Test
  @Order(2)
  void theMapSaysItLostItsConnectionAndCatchesUpOnWhatItMissed() throws Exception {
    devices.unitStatus("BR-PCR-2", "AVAILABLE");
    devices.unitAt("BR-PCR-2", LAT + 0.05, LON + 0.05);
    openLoggedIn();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.ignoring(StaleElementReferenceException.class);
    wait.until(b -> !b.findElements(By.cssSelector("[data-unit='BR-PCR-2']")).isEmpty());
    wait.until(b -> b.findElement(By.id("feed-state")).getText().startsWith("live"));
    int before = unitX("BR-PCR-2");

    stack.stopApi();
    wait.until(b -> b.findElement(By.id("feed-state")).getText().contains("connection lost"));
    // It drives east while the page is cut off: the move is in live state, its push is missed.
    devices.unitAt("BR-PCR-2", LAT + 0.05, LON + 0.09);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              String lon = stack.redisClient.hget(LiveKeys.unit("BR-PCR-2"), "lon");
              return lon != null && Math.abs(Double.parseDouble(lon) - (LON + 0.09)) < 1e-6;
            });
    stack.startApi();

    wait.until(b -> b.findElement(By.id("feed-state")).getText().contains("resynced"));
    wait.until(b -> unitX("BR-PCR-2") > before);
    screenshot("control-room-resynced.png");
  }

  @Test
  @Order(3)
  void aCrewOnTheResponderPageAcceptsItsTaskAndTheControlRoomSeesIt() throws Exception {
    // Far from the other tests' units, so this crew is the nearest.
    double lat = 20.2516;
    double lon = 85.7800;
    // The bridge lets through only a unit of the registry, as the local run provisions them.
    try (DeviceRegistry registry =
        DeviceRegistry.connect(stack.redis.host(), stack.redis.port(), null)) {
      registry.put(
          new DeviceRecord(
              "BR-WEB-1",
              DeviceKind.POLICE,
              REGION,
              DeviceRecord.DeviceStatus.ACTIVE,
              System.currentTimeMillis(),
              null,
              null));
    }
    WebDriver phone = Chromium.start(390, 844);
    try {
      phone.get("http://127.0.0.1:" + stack.apiPort() + "/responder.html");
      WebDriverWait onPhone = new WebDriverWait(phone, Duration.ofSeconds(30));
      // The test's broker is anonymous; the bridge's own test checks a real unit's credentials.
      ResponderPage.logIn(phone, onPhone, "BR-WEB-1", "the-unit-secret");
      phone.findElement(By.id("manual-lat")).sendKeys(Double.toString(lat + 0.003));
      phone.findElement(By.id("manual-lon")).sendKeys(Double.toString(lon));
      phone.findElement(By.id("send-position")).click();
      phone.findElement(By.cssSelector("[data-status='AVAILABLE']")).click();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  "AVAILABLE".equals(stack.redisClient.hget(LiveKeys.unit("BR-WEB-1"), "status"))
                      && stack.redisClient.hget(LiveKeys.unit("BR-WEB-1"), "lat") != null);

      devices.press("BR-SURV-3", lat, lon, false);

      // Its first task may be an earlier case still waiting for a police unit: the crew takes
      // whichever it is sent.
      String incident = ResponderPage.awaitTask(phone, onPhone);
      assertThat(phone.findElement(By.id("task-title")).getText())
          .isEqualTo("NEW TASK: POLICE to " + incident);
      assertThat(phone.findElement(By.id("task-deadline")).getText()).contains("Answer within");
      Chromium.screenshot(phone, "responder-task.png");
      ResponderPage.accept(phone, onPhone);
      assertThat(phone.findElement(By.id("accept")).isDisplayed()).isFalse();
      assertThat(phone.findElement(By.id("status-now")).getText()).isEqualTo("EN ROUTE");
      Chromium.screenshot(phone, "responder-accepted.png");

      stack.awaitIncident(
          incident,
          v ->
              v.assignments().stream()
                  .anyMatch(a -> a.unitId().equals("BR-WEB-1") && a.status().equals("ACCEPTED")));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> "EN_ROUTE".equals(stack.redisClient.hget(LiveKeys.unit("BR-WEB-1"), "status")));

      openLoggedIn();
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
      wait.ignoring(StaleElementReferenceException.class);
      // The press rang in the control room meanwhile: the operator takes every call waiting, and
      // sees the crew on its case.
      wait.until(b -> b.findElement(By.id("call-alarm")).isDisplayed());
      ControlRoomPage.takeEveryCall(wait);
      ControlRoomPage.awaitAccepted(wait, incident, "BR-WEB-1");
      screenshot("control-room-responder-accepted.png");
    } finally {
      phone.quit();
    }
  }

  /** The page, logged in: by the form, unless this browser's session already is. */
  private static void openLoggedIn() {
    browser.get("http://127.0.0.1:" + stack.apiPort() + "/");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.until(
        b ->
            b.findElement(By.id("room")).isDisplayed()
                || b.findElement(By.id("login")).isDisplayed());
    if (browser.findElement(By.id("login")).isDisplayed()) {
      browser.findElement(By.id("username")).sendKeys(LocalStack.USER);
      browser.findElement(By.id("password")).sendKeys(LocalStack.USER_PASSWORD);
      browser.findElement(By.id("login-button")).click();
    }
  }

  private static void screenshot(String name) throws Exception {
    Chromium.screenshot(browser, name);
  }

  /** Where the unit's marker is across the page, in pixels. */
  private static int unitX(String unit) {
    for (int attempt = 0; ; attempt++) {
      try {
        return browser.findElement(By.cssSelector("[data-unit='" + unit + "']")).getRect().getX();
      } catch (StaleElementReferenceException e) {
        if (attempt > 20) {
          throw e;
        }
      }
    }
  }
}
