package bank.teller.web.ui;

import bank.teller.account.application.Vouchers;
import bank.teller.voucher.domain.VoucherContent;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The customer-facing rating screen (服务评价): opened by the teller from a voucher on the screen that
 * faces the customer, five large choices, thanks once rated (a voucher is rated once).
 */
@Named
@ViewScoped
public class RatingPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Vouchers vouchers;

    private String voucher;
    private VoucherContent content;
    private Vouchers.Rating rating;

    public void load() {
        content = Screens.attempt(null, () -> vouchers.voucher(voucher));
    }

    public void rate(int score) {
        rating = Screens.attempt(null, () -> vouchers.rate(voucher, score));
    }

    public List<Integer> getScores() {
        return List.of(5, 4, 3, 2, 1);
    }

    public String getVoucher() {
        return voucher;
    }

    public void setVoucher(String voucher) {
        this.voucher = voucher;
    }

    public VoucherContent getContent() {
        return content;
    }

    public Vouchers.Rating getRating() {
        return rating;
    }
}
