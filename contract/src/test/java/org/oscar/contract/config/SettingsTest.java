package org.oscar.contract.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oscar.contract.config.Settings.Option;

class SettingsTest {
  private static final List<Option> OPTIONS =
      List.of(
          new Option("PORT", "8080", "a port"),
          new Option("COUNT", "3", "a count"),
          new Option("SECRET", null, "a secret"));

  @Test
  void usesDefaultsForWhatIsNotGiven() {
    Settings s = new Settings("test", OPTIONS, Map.of("SECRET", "0123456789abcdef"));

    assertThat(s.port("PORT", false)).isEqualTo(8080);
    assertThat(s.positiveInt("COUNT")).isEqualTo(3);
    assertThat(s.required("SECRET", 16)).isEqualTo("0123456789abcdef");
    s.validate();
  }

  @Test
  void namesEveryBadSettingAtOnce() {
    Settings s = new Settings("test", OPTIONS, Map.of("PORT", "70000", "COUNT", "many"));
    s.port("PORT", false);
    s.positiveInt("COUNT");
    s.required("SECRET", 16);

    assertThatThrownBy(s::validate)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PORT must be a port number, not '70000'")
        .hasMessageContaining("COUNT must be a positive integer, not 'many'")
        .hasMessageContaining("SECRET must be set")
        .hasMessageContaining("a secret (default: none)");
  }

  @Test
  void neverEchoesASecretInTheError() {
    Settings s = new Settings("test", OPTIONS, Map.of("SECRET", "short"));
    s.required("SECRET", 16);

    assertThatThrownBy(s::validate).message().doesNotContain("short");
  }
}
