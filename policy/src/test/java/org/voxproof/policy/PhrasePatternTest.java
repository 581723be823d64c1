package org.voxproof.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.voxproof.policy.internal.PhrasePattern;
import org.voxproof.policy.internal.TextTokens;

class PhrasePatternTest {
  private static boolean match(String pattern, String text) {
    return PhrasePattern.parse(pattern).matches(TextTokens.of(text));
  }

  @Test
  void tokens_caseWidthAndPunctuation_normalised() {
    assertThat(TextTokens.of("Ｐａｙ to: ACME-Ltd, now!"))
        .containsExactly("pay", "to", "acme", "ltd", "now");
  }

  @Test
  void tokens_han_oneTokenPerCharacter() {
    assertThat(TextTokens.of("请转账给我")).containsExactly("请", "转", "账", "给", "我");
  }

  @Test
  void matches_wordsInOrder_only() {
    assertThat(match("account number", "Your ACCOUNT Number is ready")).isTrue();
    assertThat(match("account number", "number account")).isFalse();
    assertThat(match("account number", "accountnumber")).isFalse();
  }

  @Test
  void matches_wildcard_exactlyOneWord() {
    assertThat(match("transfer * to", "transfer it to")).isTrue();
    assertThat(match("transfer * to", "transfer to")).isFalse();
    assertThat(match("transfer * to", "transfer the money to")).isFalse();
  }

  @Test
  void matches_prefix() {
    assertThat(match("pay* to", "payment to")).isTrue();
    assertThat(match("pay* to", "repay to")).isFalse();
  }

  @Test
  void matches_number() {
    assertThat(match("wire <number>", "wire 1200 today")).isTrue();
    assertThat(match("wire <number>", "wire twelve")).isFalse();
  }

  @Test
  void matches_iban_withAndWithoutSpaces_checksumChecked() {
    assertThat(match("<iban>", "send it to DE89 3704 0044 0532 0130 00 please")).isTrue();
    assertThat(match("<iban>", "GB82WEST12345698765432")).isTrue();
    assertThat(match("<iban>", "DE88 3704 0044 0532 0130 00")).isFalse();
    assertThat(match("<iban>", "the order DE12 is late")).isFalse();
  }

  @Test
  void matches_hanPhrase_characterByCharacter() {
    assertThat(match("转账", "请立即转账到以下账户")).isTrue();
    assertThat(match("转账", "请立即转到以下账户")).isFalse();
  }

  @Test
  void parse_malformed_refusedWithReason() {
    assertThatThrownBy(() -> PhrasePattern.parse("  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("empty pattern");
    assertThatThrownBy(() -> PhrasePattern.parse("pay <card>"))
        .hasMessage("unknown class <card> (<number>, <iban>)");
    assertThatThrownBy(() -> PhrasePattern.parse("a-b*"))
        .hasMessage("a prefix (a-b*) must be one word");
    assertThatThrownBy(() -> PhrasePattern.parse("pay ???"))
        .hasMessage("'???' has no letters or digits");
    assertThatThrownBy(() -> PhrasePattern.parse("a ".repeat(17)))
        .hasMessage("pattern has more than 16 terms");
    assertThatThrownBy(() -> PhrasePattern.parse("x".repeat(201)))
        .hasMessage("pattern longer than 200 chars");
  }
}
