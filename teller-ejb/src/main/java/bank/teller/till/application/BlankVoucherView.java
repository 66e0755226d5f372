package bank.teller.till.application;

import bank.teller.till.domain.BlankVoucher;

/** A blank voucher's number and where it is. */
public record BlankVoucherView(String kind, String serialNo, String status, String tillCode, String note) {

    static BlankVoucherView of(BlankVoucher v) {
        return new BlankVoucherView(v.key().kind(), v.key().serialNo(), v.status(), v.tillCode(), v.note());
    }
}
