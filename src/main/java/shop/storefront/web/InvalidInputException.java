package shop.storefront.web;

/**
 * Input a person got wrong: a 400 whose message says what to do, in plain words.
 */
public class InvalidInputException extends ShopperFacingException {

    public InvalidInputException(String parameter, String message) {
        super(400, parameter, message);
    }
}
