package bank.teller.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ChineseCapitalAmountTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            // the examples of the Payment and Settlement Measures (支付结算办法)
            "1680.32, 壹仟陆佰捌拾元叁角贰分",
            "107000.53, 壹拾万柒仟元伍角叁分",
            "16409.02, 壹万陆仟肆佰零玖元零贰分",
            "325.04, 叁佰贰拾伍元零肆分",
            // whole amounts end in 整, and so do amounts that end in 角
            "1.00, 壹元整",
            "10.00, 壹拾元整",
            "15.00, 壹拾伍元整",
            "0.50, 伍角整",
            "12.30, 壹拾贰元叁角整",
            "0.05, 伍分",
            "0.35, 叁角伍分",
            "0.00, 零元整",
            // zeros inside the number: one 零 for a run, none at the end of a section
            "1004.00, 壹仟零肆元整",
            "1050.00, 壹仟零伍拾元整",
            "1500.00, 壹仟伍佰元整",
            "50000.00, 伍万元整",
            "10000500.00, 壹仟万零伍佰元整",
            "100010000.00, 壹亿零壹万元整",
            "100000000.00, 壹亿元整",
            "1234567.89, 壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分",
            "200000000000.00, 贰仟亿元整",
            "1000100000000.00, 壹万零壹亿元整",
            "99999999999999999.99, 玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
            "-8.80, 负捌元捌角整"
    })
    void amountsReadAsOnAPaperSlip(String amount, String capitals) {
        assertEquals(capitals, ChineseCapitalAmount.of(Money.cny(amount)));
    }

    @Test
    void subFenAmountsAreNotRoundedIntoWords() {
        assertThrows(ArithmeticException.class, () -> ChineseCapitalAmount.of(new BigDecimal("1.005")));
    }
}
