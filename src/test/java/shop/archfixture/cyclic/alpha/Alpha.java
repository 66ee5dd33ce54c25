package shop.archfixture.cyclic.alpha;

import shop.archfixture.cyclic.beta.Beta;

public class Alpha {
    Beta partner;
}
