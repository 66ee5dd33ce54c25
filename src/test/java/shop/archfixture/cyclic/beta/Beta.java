package shop.archfixture.cyclic.beta;

import shop.archfixture.cyclic.alpha.Alpha;

public class Beta {
    Alpha partner;
}
