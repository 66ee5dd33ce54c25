package shop.storefront.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PageNumberTest {

    @ParameterizedTest
    @CsvSource({"1, 1", "2, 2", "' 7 ', 7", "1000, 1000"})
    void aWholeNumberInRangeIsThePage(String typed, int page) {
        assertThat(PageNumber.parse(typed, 1000)).isEqualTo(page);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void noValueIsTheFirstPage(String typed) {
        assertThat(PageNumber.parse(typed, 1000)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1001", "1.5", "x", "99999999999", "1e3", "+"})
    void anythingElseIsRefusedNamingThePage(String typed) {
        assertThatThrownBy(() -> PageNumber.parse(typed, 1000))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("page"))
                .hasMessage("page must be a whole number from 1 to 1000.");
    }
}
