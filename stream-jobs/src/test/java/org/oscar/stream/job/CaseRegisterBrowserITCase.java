package org.oscar.stream.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.stream.directory.DeviceDirectory;
import org.oscar.stream.directory.DeviceEntry;
import org.oscar.stream.directory.DirectorySource;
import org.oscar.stream.region.TestRegions;

/**
 * The case pages in headless Chromium, on the whole stack with the case register: an injured
 * survivor presses; the OSC Centre Administrator finds her case, records the MLC and the FIR,
 * records her consent and refers her to legal aid; legal aid accepts it from its inbox and sees the
 * police part only; another police station is refused. Screenshots under {@code target/}.
 */
class CaseRegisterBrowserITCase {
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
    stack = LocalStack.withCaseRegister();
    OscarJob oscar =
        stack.job(
            "it-case-browser",
            DirectorySource.fixed(
                new DeviceDirectory(
                    Map.of(
                        "CB-PCR-1", new DeviceEntry("CB-PCR-1", DeviceKind.POLICE, REGION),
                        "CB-AMB-1", new DeviceEntry("CB-AMB-1", DeviceKind.AMBULANCE, REGION),
                        "CB-SURV", new DeviceEntry("CB-SURV", DeviceKind.PANIC, REGION)))),
            TestRegions.khordhaAs(REGION));
    StreamExecutionEnvironment env = LocalStack.environment(flink);
    env.enableCheckpointing(1_000);
    oscar.build(env);
    job = env.executeAsync("oscar-case-browser-it");
    mqtt = new MqttTestClient(stack.mosquitto.url());
    mqtt.subscribe("oscar/v1/dev/+/notice");
    devices = new Devices(mqtt);
    browser = Chromium.start();
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
  void theOscWorksHerCaseAndLegalAidAcceptsTheReferralSeeingOnlyWhatItIsGiven() throws Exception {
    devices.unitStatus("CB-PCR-1", "AVAILABLE");
    devices.unitAt("CB-PCR-1", LAT + 0.01, LON);
    devices.unitStatus("CB-AMB-1", "AVAILABLE");
    devices.unitAt("CB-AMB-1", LAT - 0.01, LON);
    Thread.sleep(1_000);
    devices.press("CB-SURV", LAT, LON, true);

    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.ignoring(StaleElementReferenceException.class);
    login(LocalStack.OSC_ADMIN);
    wait.until(b -> b.getCurrentUrl().contains("cases.html"));
    wait.until(
        b -> {
          b.navigate().refresh();
          return !b.findElements(By.cssSelector("#cases li[data-id]")).isEmpty();
        });
    browser.findElement(By.cssSelector("#cases li[data-id]")).click();
    wait.until(b -> b.findElement(By.id("timeline")).getText().contains("rescue: OPENED"));
    String caseId = browser.findElement(By.id("case-title")).getText();

    record("MLC_REGISTERED", Map.of("hospital", "Capital Hospital", "mlcNumber", "MLC-2026-77"));
    wait.until(b -> b.findElement(By.id("services")).getText().contains("MLC-2026-77"));
    record("FIR_REGISTERED", Map.of("station", "Capital Police Station", "firNumber", "FIR-88"));
    wait.until(b -> b.findElement(By.id("services")).getText().contains("FIR-88"));
    // The FIR starts the legal clock of her right to hear how the investigation goes.
    wait.until(b -> b.findElement(By.id("clocks")).getText().contains("BNSS 2023 s.193(3)(ii)"));
    assertThat(browser.findElement(By.id("clocks")).getText()).contains("due in 89 d");

    browser.findElement(By.cssSelector("#consent-parts input[value='POLICE']")).click();
    new Select(browser.findElement(By.id("consent-recipient"))).selectByValue("DLSA-KHORDHA");
    browser.findElement(By.cssSelector("#consent-form button[type='submit']")).click();
    wait.until(b -> b.findElement(By.id("consents")).getText().contains("DLSA-KHORDHA"));

    new Select(browser.findElement(By.id("refer-agency"))).selectByValue("DLSA-KHORDHA");
    browser.findElement(By.cssSelector("#refer-shares input[value='POLICE']")).click();
    browser.findElement(By.cssSelector("#refer-form button[type='submit']")).click();
    wait.until(b -> b.findElement(By.id("referrals")).getText().contains("DLSA-KHORDHA"));
    assertThat(browser.findElement(By.id("referrals")).getText()).contains("SENT");
    Chromium.screenshot(browser, "case-page-osc.png");

    // The district's month, as its Centre Administrator sees it: counts only, small ones hidden.
    browser.findElement(By.cssSelector("#report-form button[type='submit']")).click();
    wait.until(b -> b.findElement(By.id("report-chart")).getText().contains("VICTIM_INFORMED"));
    assertThat(browser.findElement(By.id("report-figures")).getText())
        .contains("Cases opened:", "shown as <5")
        .doesNotContain(caseId);
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
    Chromium.screenshot(browser, "case-report-osc.png");

    logout();
    login(LocalStack.LEGAL_AID);
    wait.until(b -> !b.findElements(By.cssSelector("#inbox li")).isEmpty());
    browser.findElement(By.cssSelector("#inbox li")).click();
    wait.until(b -> !b.findElements(By.cssSelector("#referrals button")).isEmpty());
    browser.findElement(By.xpath("//ul[@id='referrals']//button[text()='accept']")).click();
    wait.until(b -> b.findElement(By.id("referrals")).getText().contains("ACCEPTED"));
    String seen = browser.findElement(By.id("case")).getText();
    assertThat(seen)
        .contains("FIR-88", "s.193(3)(ii)")
        .doesNotContain("MLC-2026-77")
        .doesNotContain("rescue:");
    assertThat(browser.findElement(By.id("state-form")).isDisplayed())
        .as("an agency does not move the OSC's case")
        .isFalse();
    assertThat(browser.findElement(By.id("consents")).isDisplayed()).isFalse();
    Chromium.screenshot(browser, "case-page-legal-aid.png");

    logout();
    login(LocalStack.OTHER_STATION);
    wait.until(b -> b.getCurrentUrl().contains("cases.html"));
    browser.get("http://127.0.0.1:" + stack.apiPort() + "/cases.html#/cases/" + caseId);
    wait.until(b -> b.findElement(By.id("case-status")).getText().contains("not yours"));
    assertThat(browser.findElement(By.id("case")).getText()).doesNotContain("FIR-88");
    Chromium.screenshot(browser, "case-page-other-station.png");
  }

  private static void login(String user) {
    browser.get("http://127.0.0.1:" + stack.apiPort() + "/");
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(LocalStack.USER_PASSWORD);
    browser.findElement(By.id("login-button")).click();
  }

  private static void logout() {
    browser.findElement(By.id("logout")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(b -> !b.findElements(By.id("login-button")).isEmpty());
  }

  private static void record(String type, Map<String, String> fields) {
    new Select(browser.findElement(By.id("event-type"))).selectByValue(type);
    fields.forEach((name, value) -> browser.findElement(By.id("field-" + name)).sendKeys(value));
    browser.findElement(By.cssSelector("#event-form button[type='submit']")).click();
  }
}
