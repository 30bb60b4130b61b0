*NAME:         khb05250
*ROWS:         101
*COLUMNS:      1350
*INTEGER:      24
*NONZERO:      2700
*BEST SOLN:    106940226 (opt)
*LP SOLN:      95919464.0
*SOURCE:       Kuhn-Hamburger 
*              Laurence A. Wolsey (Univ. of Louvain)
*              Martin W. P. Savelsbergh (Eindhoven Univ. of Technology)
*APPLICATION:  capacitated plant location, 25 locations, 50 clients
*COMMENTS:     all integer variables are binary
*       
*       
NAME          KHB05250
ROWS
 N  COST    
 E  ...     
 E  SUP     
 E  W.1     
 E  W.2     
 E  W.3     
 E  W.4     
 E  W.5     
 E  W.6     
 E  W.7     
 E  W.8     
 E  W.9     
 E  W10     
 E  W11     
 E  W12     
 E  W13     
 E  W14     
 E  W15     
 E  W16     
 E  W17     
 E  W18     
 E  W19     
 E  W20     
 E  W21     
 E  W22     
 E  W23     
 E  W24     
 E  W25     
 E  C.1     
 E  C.2     
 E  C.3     
 E  C.4     
 E  C.5     
 E  C.6     
 E  C.7     
 E  C.8     
 E  C.9     
 E  C10     
 E  C11     
 E  C12     
 E  C13     
 E  C14     
 E  C15     
 E  C16     
 E  C17     
 E  C18     
 E  C19     
 E  C20     
 E  C21     
 E  C22     
 E  C23     
 E  C24     
 E  C25     
 E  C26     
 E  C27     
 E  C28     
 E  C29     
 E  C30     
 E  C31     
 E  C32     
 E  C33     
 E  C34     
 E  C35     
 E  C36     
 E  C37     
 E  C38     
 E  C39     
 E  C40     
 E  C41     
 E  C42     
 E  C43     
 E  C44     
 E  C45     
 E  C46     
 E  C47     
 E  C48     
 E  C49     
 E  C50     
 L  U.SUPW.1
 L  U.SUPW.2
 L  U.SUPW.3
 L  U.SUPW.4
 L  U.SUPW.5
 L  U.SUPW.6
 L  U.SUPW.7
 L  U.SUPW.8
 L  U.SUPW.9
 L  U.SUPW10
 L  U.SUPW11
 L  U.SUPW12
 L  U.SUPW13
 L  U.SUPW14
 L  U.SUPW15
 L  U.SUPW16
 L  U.SUPW17
 L  U.SUPW18
 L  U.SUPW19
 L  U.SUPW20
 L  U.SUPW21
 L  U.SUPW22
 L  U.SUPW23
 L  U.SUPW24
COLUMNS
    MARK0000  'MARKER'                 'INTORG'
    I.SUPW.1  COST           2500000   U.SUPW.1         -5000
    I.SUPW.2  COST           2500000   U.SUPW.2         -5000
    I.SUPW.3  COST           2500000   U.SUPW.3         -5000
    I.SUPW.4  COST           2500000   U.SUPW.4         -5000
    I.SUPW.5  COST           2500000   U.SUPW.5         -5000
    I.SUPW.6  COST           2500000   U.SUPW.6         -5000
    I.SUPW.7  COST           2500000   U.SUPW.7         -5000
    I.SUPW.8  COST           2500000   U.SUPW.8         -5000
    I.SUPW.9  COST           2500000   U.SUPW.9         -5000
    I.SUPW10  COST           2500000   U.SUPW10         -5000
    I.SUPW11  COST           2500000   U.SUPW11         -5000
    I.SUPW12  COST           2500000   U.SUPW12         -5000
    I.SUPW13  COST           2500000   U.SUPW13         -5000
    I.SUPW14  COST           2500000   U.SUPW14         -5000
    I.SUPW15  COST           2500000   U.SUPW15         -5000
    I.SUPW16  COST           2500000   U.SUPW16         -5000
    I.SUPW17  COST           2500000   U.SUPW17         -5000
    I.SUPW18  COST           2500000   U.SUPW18         -5000
    I.SUPW19  COST           2500000   U.SUPW19         -5000
    I.SUPW20  COST           2500000   U.SUPW20         -5000
    I.SUPW21  COST           2500000   U.SUPW21         -5000
    I.SUPW22  COST           2500000   U.SUPW22         -5000
    I.SUPW23  COST           2500000   U.SUPW23         -5000
    I.SUPW24  COST           2500000   U.SUPW24         -5000
    MARK0001  'MARKER'                 'INTEND'
    F....SUP  ...                  1   SUP                 -1
    F.SUPW.1  SUP                  1   W.1                 -1
    F.SUPW.1  U.SUPW.1             1
    F.SUPW.2  SUP                  1   W.2                 -1
    F.SUPW.2  U.SUPW.2             1
    F.SUPW.3  SUP                  1   W.3                 -1
    F.SUPW.3  U.SUPW.3             1
    F.SUPW.4  SUP                  1   W.4                 -1
    F.SUPW.4  U.SUPW.4             1
    F.SUPW.5  SUP                  1   W.5                 -1
    F.SUPW.5  U.SUPW.5             1
    F.SUPW.6  SUP                  1   W.6                 -1
    F.SUPW.6  U.SUPW.6             1
    F.SUPW.7  SUP                  1   W.7                 -1
    F.SUPW.7  U.SUPW.7             1
    F.SUPW.8  SUP                  1   W.8                 -1
    F.SUPW.8  U.SUPW.8             1
    F.SUPW.9  SUP                  1   W.9                 -1
    F.SUPW.9  U.SUPW.9             1
    F.SUPW10  SUP                  1   W10                 -1
    F.SUPW10  U.SUPW10             1
    F.SUPW11  SUP                  1   W11                 -1
    F.SUPW11  U.SUPW11             1
    F.SUPW12  SUP                  1   W12                 -1
    F.SUPW12  U.SUPW12             1
    F.SUPW13  SUP                  1   W13                 -1
    F.SUPW13  U.SUPW13             1
    F.SUPW14  SUP                  1   W14                 -1
    F.SUPW14  U.SUPW14             1
    F.SUPW15  SUP                  1   W15                 -1
    F.SUPW15  U.SUPW15             1
    F.SUPW16  SUP                  1   W16                 -1
    F.SUPW16  U.SUPW16             1
    F.SUPW17  SUP                  1   W17                 -1
    F.SUPW17  U.SUPW17             1
    F.SUPW18  SUP                  1   W18                 -1
    F.SUPW18  U.SUPW18             1
    F.SUPW19  SUP                  1   W19                 -1
    F.SUPW19  U.SUPW19             1
    F.SUPW20  SUP                  1   W20                 -1
    F.SUPW20  U.SUPW20             1
    F.SUPW21  SUP                  1   W21                 -1
    F.SUPW21  U.SUPW21             1
    F.SUPW22  SUP                  1   W22                 -1
    F.SUPW22  U.SUPW22             1
    F.SUPW23  SUP                  1   W23                 -1
    F.SUPW23  U.SUPW23             1
    F.SUPW24  SUP                  1   W24                 -1
    F.SUPW24  U.SUPW24             1
    F.SUPW25  SUP                  1   W25                 -1
    F.C.1...  ...                 -1   C.1                  1
    F.W.1C.1  COST              4616   W.1                  1
    F.W.1C.1  C.1                 -1
    F.W.2C.1  COST              7093   W.2                  1
    F.W.2C.1  C.1                 -1
    F.W.3C.1  COST              5240   W.3                  1
    F.W.3C.1  C.1                 -1
    F.W.4C.1  COST              3575   W.4                  1
    F.W.4C.1  C.1                 -1
    F.W.5C.1  COST              3956   W.5                  1
    F.W.5C.1  C.1                 -1
    F.W.6C.1  COST              4549   W.6                  1
    F.W.6C.1  C.1                 -1
    F.W.7C.1  COST              2996   W.7                  1
    F.W.7C.1  C.1                 -1
    F.W.8C.1  COST              2635   W.8                  1
    F.W.8C.1  C.1                 -1
    F.W.9C.1  COST              4404   W.9                  1
    F.W.9C.1  C.1                 -1
    F.W10C.1  COST              3696   W10                  1
    F.W10C.1  C.1                 -1
    F.W11C.1  COST              2865   W11                  1
    F.W11C.1  C.1                 -1
    F.W12C.1  COST              5063   W12                  1
    F.W12C.1  C.1                 -1
    F.W13C.1  COST              3451   W13                  1
    F.W13C.1  C.1                 -1
    F.W14C.1  COST              7089   W14                  1
    F.W14C.1  C.1                 -1
    F.W15C.1  COST              4145   W15                  1
    F.W15C.1  C.1                 -1
    F.W16C.1  COST              6554   W16                  1
    F.W16C.1  C.1                 -1
    F.W17C.1  COST              6209   W17                  1
    F.W17C.1  C.1                 -1
    F.W18C.1  COST              4904   W18                  1
    F.W18C.1  C.1                 -1
    F.W19C.1  COST              3275   W19                  1
    F.W19C.1  C.1                 -1
    F.W20C.1  COST              4133   W20                  1
    F.W20C.1  C.1                 -1
    F.W21C.1  COST              4563   W21                  1
    F.W21C.1  C.1                 -1
    F.W22C.1  COST              6059   W22                  1
    F.W22C.1  C.1                 -1
    F.W23C.1  COST              7984   W23                  1
    F.W23C.1  C.1                 -1
    F.W24C.1  COST              5934   W24                  1
    F.W24C.1  C.1                 -1
    F.W25C.1  COST              3575   W25                  1
    F.W25C.1  C.1                 -1
    F.C.2...  ...                 -1   C.2                  1
    F.W.1C.2  COST              3684   W.1                  1
    F.W.1C.2  C.2                 -1
    F.W.2C.2  COST              6273   W.2                  1
    F.W.2C.2  C.2                 -1
    F.W.3C.2  COST              4420   W.3                  1
    F.W.3C.2  C.2                 -1
    F.W.4C.2  COST              2755   W.4                  1
    F.W.4C.2  C.2                 -1
    F.W.5C.2  COST              3021   W.5                  1
    F.W.5C.2  C.2                 -1
    F.W.6C.2  COST              3701   W.6                  1
    F.W.6C.2  C.2                 -1
    F.W.7C.2  COST              2114   W.7                  1
    F.W.7C.2  C.2                 -1
    F.W.8C.2  COST              2605   W.8                  1
    F.W.8C.2  C.2                 -1
    F.W.9C.2  COST              3584   W.9                  1
    F.W.9C.2  C.2                 -1
    F.W10C.2  COST              2969   W10                  1
    F.W10C.2  C.2                 -1
    F.W11C.2  COST              2045   W11                  1
    F.W11C.2  C.2                 -1
    F.W12C.2  COST              5880   W12                  1
    F.W12C.2  C.2                 -1
    F.W13C.2  COST              2516   W13                  1
    F.W13C.2  C.2                 -1
    F.W14C.2  COST              6206   W14                  1
    F.W14C.2  C.2                 -1
    F.W15C.2  COST              3263   W15                  1
    F.W15C.2  C.2                 -1
    F.W16C.2  COST              5679   W16                  1
    F.W16C.2  C.2                 -1
    F.W17C.2  COST              5336   W17                  1
    F.W17C.2  C.2                 -1
    F.W18C.2  COST              4031   W18                  1
    F.W18C.2  C.2                 -1
    F.W19C.2  COST              2340   W19                  1
    F.W19C.2  C.2                 -1
    F.W20C.2  COST              3323   W20                  1
    F.W20C.2  C.2                 -1
    F.W21C.2  COST              4533   W21                  1
    F.W21C.2  C.2                 -1
    F.W22C.2  COST              6879   W22                  1
    F.W22C.2  C.2                 -1
    F.W23C.2  COST              7954   W23                  1
    F.W23C.2  C.2                 -1
    F.W24C.2  COST              5041   W24                  1
    F.W24C.2  C.2                 -1
    F.W25C.2  COST              2640   W25                  1
    F.W25C.2  C.2                 -1
    F.C.3...  ...                 -1   C.3                  1
    F.W.1C.3  COST               731   W.1                  1
    F.W.1C.3  C.3                 -1
    F.W.2C.3  COST              3930   W.2                  1
    F.W.2C.3  C.3                 -1
    F.W.3C.3  COST              2920   W.3                  1
    F.W.3C.3  C.3                 -1
    F.W.4C.3  COST              2065   W.4                  1
    F.W.4C.3  C.3                 -1
    F.W.5C.3  COST              1361   W.5                  1
    F.W.5C.3  C.3                 -1
    F.W.6C.3  COST              2229   W.6                  1
    F.W.6C.3  C.3                 -1
    F.W.7C.3  COST              3251   W.7                  1
    F.W.7C.3  C.3                 -1
    F.W.8C.3  COST              5258   W.8                  1
    F.W.8C.3  C.3                 -1
    F.W.9C.3  COST              2249   W.9                  1
    F.W.9C.3  C.3                 -1
    F.W10C.3  COST              3524   W10                  1
    F.W10C.3  C.3                 -1
    F.W11C.3  COST              2873   W11                  1
    F.W11C.3  C.3                 -1
    F.W12C.3  COST              8553   W12                  1
    F.W12C.3  C.3                 -1
    F.W13C.3  COST              1664   W13                  1
    F.W13C.3  C.3                 -1
    F.W14C.3  COST              3416   W14                  1
    F.W14C.3  C.3                 -1
    F.W15C.3  COST              2305   W15                  1
    F.W15C.3  C.3                 -1
    F.W16C.3  COST              3169   W16                  1
    F.W16C.3  C.3                 -1
    F.W17C.3  COST              2826   W17                  1
    F.W17C.3  C.3                 -1
    F.W18C.3  COST              2479   W18                  1
    F.W18C.3  C.3                 -1
    F.W19C.3  COST              1830   W19                  1
    F.W19C.3  C.3                 -1
    F.W20C.3  COST              3550   W20                  1
    F.W20C.3  C.3                 -1
    F.W21C.3  COST              7228   W21                  1
    F.W21C.3  C.3                 -1
    F.W22C.3  COST              9831   W22                  1
    F.W22C.3  C.3                 -1
    F.W23C.3  COST              9966   W23                  1
    F.W23C.3  C.3                 -1
    F.W24C.3  COST              2411   W24                  1
    F.W24C.3  C.3                 -1
    F.W25C.3  COST              1463   W25                  1
    F.W25C.3  C.3                 -1
    F.C.4...  ...                 -1   C.4                  1
    F.W.1C.4  COST              2421   W.1                  1
    F.W.1C.4  C.4                 -1
    F.W.2C.4  COST              2243   W.2                  1
    F.W.2C.4  C.4                 -1
    F.W.3C.4  COST              1573   W.3                  1
    F.W.3C.4  C.4                 -1
    F.W.4C.4  COST              2220   W.4                  1
    F.W.4C.4  C.4                 -1
    F.W.5C.4  COST              1591   W.5                  1
    F.W.5C.4  C.4                 -1
    F.W.6C.4  COST              1501   W.6                  1
    F.W.6C.4  C.4                 -1
    F.W.7C.4  COST              4809   W.7                  1
    F.W.7C.4  C.4                 -1
    F.W.8C.4  COST              5998   W.8                  1
    F.W.8C.4  C.4                 -1
    F.W.9C.4  COST              1939   W.9                  1
    F.W.9C.4  C.4                 -1
    F.W10C.4  COST              5176   W10                  1
    F.W10C.4  C.4                 -1
    F.W11C.4  COST              3643   W11                  1
    F.W11C.4  C.4                 -1
    F.W12C.4  COST             10110   W12                  1
    F.W12C.4  C.4                 -1
    F.W13C.4  COST              3031   W13                  1
    F.W13C.4  C.4                 -1
    F.W14C.4  COST              4526   W14                  1
    F.W14C.4  C.4                 -1
    F.W15C.4  COST              3958   W15                  1
    F.W15C.4  C.4                 -1
    F.W16C.4  COST              1481   W16                  1
    F.W16C.4  C.4                 -1
    F.W17C.4  COST              1136   W17                  1
    F.W17C.4  C.4                 -1
    F.W18C.4  COST              1284   W18                  1
    F.W18C.4  C.4                 -1
    F.W19C.4  COST              2600   W19                  1
    F.W19C.4  C.4                 -1
    F.W20C.4  COST              3708   W20                  1
    F.W20C.4  C.4                 -1
    F.W21C.4  COST              7875   W21                  1
    F.W21C.4  C.4                 -1
    F.W22C.4  COST             10684   W22                  1
    F.W22C.4  C.4                 -1
    F.W23C.4  COST             10249   W23                  1
    F.W23C.4  C.4                 -1
    F.W24C.4  COST               911   W24                  1
    F.W24C.4  C.4                 -1
    F.W25C.4  COST              1728   W25                  1
    F.W25C.4  C.4                 -1
    F.C.5...  ...                 -1   C.5                  1
    F.W.1C.5  COST              5534   W.1                  1
    F.W.1C.5  C.5                 -1
    F.W.2C.5  COST              6943   W.2                  1
    F.W.2C.5  C.5                 -1
    F.W.3C.5  COST              5090   W.3                  1
    F.W.3C.5  C.5                 -1
    F.W.4C.5  COST              3425   W.4                  1
    F.W.4C.5  C.5                 -1
    F.W.5C.5  COST              4034   W.5                  1
    F.W.5C.5  C.5                 -1
    F.W.6C.5  COST              4399   W.6                  1
    F.W.6C.5  C.5                 -1
    F.W.7C.5  COST              4916   W.7                  1
    F.W.7C.5  C.5                 -1
    F.W.8C.5  COST              3083   W.8                  1
    F.W.8C.5  C.5                 -1
    F.W.9C.5  COST              4254   W.9                  1
    F.W.9C.5  C.5                 -1
    F.W10C.5  COST              5771   W10                  1
    F.W10C.5  C.5                 -1
    F.W11C.5  COST              3275   W11                  1
    F.W11C.5  C.5                 -1
    F.W12C.5  COST              6470   W12                  1
    F.W12C.5  C.5                 -1
    F.W13C.5  COST              4451   W13                  1
    F.W13C.5  C.5                 -1
    F.W14C.5  COST              8106   W14                  1
    F.W14C.5  C.5                 -1
    F.W15C.5  COST              5883   W15                  1
    F.W15C.5  C.5                 -1
    F.W16C.5  COST              6479   W16                  1
    F.W16C.5  C.5                 -1
    F.W17C.5  COST              6134   W17                  1
    F.W17C.5  C.5                 -1
    F.W18C.5  COST              4831   W18                  1
    F.W18C.5  C.5                 -1
    F.W19C.5  COST              3575   W19                  1
    F.W19C.5  C.5                 -1
    F.W20C.5  COST              2930   W20                  1
    F.W20C.5  C.5                 -1
    F.W21C.5  COST              3773   W21                  1
    F.W21C.5  C.5                 -1
    F.W22C.5  COST              6581   W22                  1
    F.W22C.5  C.5                 -1
    F.W23C.5  COST              5164   W23                  1
    F.W23C.5  C.5                 -1
    F.W24C.5  COST              5924   W24                  1
    F.W24C.5  C.5                 -1
    F.W25C.5  COST              3655   W25                  1
    F.W25C.5  C.5                 -1
    F.C.6...  ...                 -1   C.6                  1
    F.W.1C.6  COST              1149   W.1                  1
    F.W.1C.6  C.6                 -1
    F.W.2C.6  COST              4240   W.2                  1
    F.W.2C.6  C.6                 -1
    F.W.3C.6  COST              2898   W.3                  1
    F.W.3C.6  C.6                 -1
    F.W.4C.6  COST              1858   W.4                  1
    F.W.4C.6  C.6                 -1
    F.W.5C.6  COST              1339   W.5                  1
    F.W.5C.6  C.6                 -1
    F.W.6C.6  COST              2206   W.6                  1
    F.W.6C.6  C.6                 -1
    F.W.7C.6  COST              2834   W.7                  1
    F.W.7C.6  C.6                 -1
    F.W.8C.6  COST              4875   W.8                  1
    F.W.8C.6  C.6                 -1
    F.W.9C.6  COST              2226   W.9                  1
    F.W.9C.6  C.6                 -1
    F.W10C.6  COST              3179   W10                  1
    F.W10C.6  C.6                 -1
    F.W11C.6  COST              2490   W11                  1
    F.W11C.6  C.6                 -1
    F.W12C.6  COST              8135   W12                  1
    F.W12C.6  C.6                 -1
    F.W13C.6  COST              1246   W13                  1
    F.W13C.6  C.6                 -1
    F.W14C.6  COST              3636   W14                  1
    F.W14C.6  C.6                 -1
    F.W15C.6  COST              1960   W15                  1
    F.W15C.6  C.6                 -1
    F.W16C.6  COST              3479   W16                  1
    F.W16C.6  C.6                 -1
    F.W17C.6  COST              3134   W17                  1
    F.W17C.6  C.6                 -1
    F.W18C.6  COST              2456   W18                  1
    F.W18C.6  C.6                 -1
    F.W19C.6  COST              1498   W19                  1
    F.W19C.6  C.6                 -1
    F.W20C.6  COST              3343   W20                  1
    F.W20C.6  C.6                 -1
    F.W21C.6  COST              6865   W21                  1
    F.W21C.6  C.6                 -1
    F.W22C.6  COST              9414   W22                  1
    F.W22C.6  C.6                 -1
    F.W23C.6  COST              9634   W23                  1
    F.W23C.6  C.6                 -1
    F.W24C.6  COST              2719   W24                  1
    F.W24C.6  C.6                 -1
    F.W25C.6  COST              1258   W25                  1
    F.W25C.6  C.6                 -1
    F.C.7...  ...                 -1   C.7                  1
    F.W.1C.7  COST              3459   W.1                  1
    F.W.1C.7  C.7                 -1
    F.W.2C.7  COST              1203   W.2                  1
    F.W.2C.7  C.7                 -1
    F.W.3C.7  COST              1820   W.3                  1
    F.W.3C.7  C.7                 -1
    F.W.4C.7  COST              2775   W.4                  1
    F.W.4C.7  C.7                 -1
    F.W.5C.7  COST              2481   W.5                  1
    F.W.5C.7  C.7                 -1
    F.W.6C.7  COST              2049   W.6                  1
    F.W.6C.7  C.7                 -1
    F.W.7C.7  COST              5849   W.7                  1
    F.W.7C.7  C.7                 -1
    F.W.8C.7  COST              6553   W.8                  1
    F.W.8C.7  C.7                 -1
    F.W.9C.7  COST              2244   W.9                  1
    F.W.9C.7  C.7                 -1
    F.W10C.7  COST              6216   W10                  1
    F.W10C.7  C.7                 -1
    F.W11C.7  COST              4320   W11                  1
    F.W11C.7  C.7                 -1
    F.W12C.7  COST             10950   W12                  1
    F.W12C.7  C.7                 -1
    F.W13C.7  COST              4069   W13                  1
    F.W13C.7  C.7                 -1
    F.W14C.7  COST              5566   W14                  1
    F.W14C.7  C.7                 -1
    F.W15C.7  COST              4995   W15                  1
    F.W15C.7  C.7                 -1
    F.W16C.7  COST              1586   W16                  1
    F.W16C.7  C.7                 -1
    F.W17C.7  COST              1701   W17                  1
    F.W17C.7  C.7                 -1
    F.W18C.7  COST              2134   W18                  1
    F.W18C.7  C.7                 -1
    F.W19C.7  COST              3305   W19                  1
    F.W19C.7  C.7                 -1
    F.W20C.7  COST              4260   W20                  1
    F.W20C.7  C.7                 -1
    F.W21C.7  COST              8430   W21                  1
    F.W21C.7  C.7                 -1
    F.W22C.7  COST             11239   W22                  1
    F.W22C.7  C.7                 -1
    F.W23C.7  COST             10804   W23                  1
    F.W23C.7  C.7                 -1
    F.W24C.7  COST              1951   W24                  1
    F.W24C.7  C.7                 -1
    F.W25C.7  COST              2405   W25                  1
    F.W25C.7  C.7                 -1
    F.C.8...  ...                 -1   C.8                  1
    F.W.1C.8  COST              3066   W.1                  1
    F.W.1C.8  C.8                 -1
    F.W.2C.8  COST              2438   W.2                  1
    F.W.2C.8  C.8                 -1
    F.W.3C.8  COST               585   W.3                  1
    F.W.3C.8  C.8                 -1
    F.W.4C.8  COST              1540   W.4                  1
    F.W.4C.8  C.8                 -1
    F.W.5C.8  COST              1246   W.5                  1
    F.W.5C.8  C.8                 -1
    F.W.6C.8  COST               814   W.6                  1
    F.W.6C.8  C.8                 -1
    F.W.7C.8  COST              4734   W.7                  1
    F.W.7C.8  C.8                 -1
    F.W.8C.8  COST              5318   W.8                  1
    F.W.8C.8  C.8                 -1
    F.W.9C.8  COST              1009   W.9                  1
    F.W.9C.8  C.8                 -1
    F.W10C.8  COST              5269   W10                  1
    F.W10C.8  C.8                 -1
    F.W11C.8  COST              3085   W11                  1
    F.W11C.8  C.8                 -1
    F.W12C.8  COST              9715   W12                  1
    F.W12C.8  C.8                 -1
    F.W13C.8  COST              2959   W13                  1
    F.W13C.8  C.8                 -1
    F.W14C.8  COST              5516   W14                  1
    F.W14C.8  C.8                 -1
    F.W15C.8  COST              4273   W15                  1
    F.W15C.8  C.8                 -1
    F.W16C.8  COST              2004   W16                  1
    F.W16C.8  C.8                 -1
    F.W17C.8  COST              1936   W17                  1
    F.W17C.8  C.8                 -1
    F.W18C.8  COST              1114   W18                  1
    F.W18C.8  C.8                 -1
    F.W19C.8  COST              2070   W19                  1
    F.W19C.8  C.8                 -1
    F.W20C.8  COST              3025   W20                  1
    F.W20C.8  C.8                 -1
    F.W21C.8  COST              7195   W21                  1
    F.W21C.8  C.8                 -1
    F.W22C.8  COST             10004   W22                  1
    F.W22C.8  C.8                 -1
    F.W23C.8  COST              9569   W23                  1
    F.W23C.8  C.8                 -1
    F.W24C.8  COST              1901   W24                  1
    F.W24C.8  C.8                 -1
    F.W25C.8  COST              1170   W25                  1
    F.W25C.8  C.8                 -1
    F.C.9...  ...                 -1   C.9                  1
    F.W.1C.9  COST              6124   W.1                  1
    F.W.1C.9  C.9                 -1
    F.W.2C.9  COST              7518   W.2                  1
    F.W.2C.9  C.9                 -1
    F.W.3C.9  COST              5665   W.3                  1
    F.W.3C.9  C.9                 -1
    F.W.4C.9  COST              4015   W.4                  1
    F.W.4C.9  C.9                 -1
    F.W.5C.9  COST              4624   W.5                  1
    F.W.5C.9  C.9                 -1
    F.W.6C.9  COST              4989   W.6                  1
    F.W.6C.9  C.9                 -1
    F.W.7C.9  COST              5506   W.7                  1
    F.W.7C.9  C.9                 -1
    F.W.8C.9  COST              3673   W.8                  1
    F.W.8C.9  C.9                 -1
    F.W.9C.9  COST              4829   W.9                  1
    F.W.9C.9  C.9                 -1
    F.W10C.9  COST              6361   W10                  1
    F.W10C.9  C.9                 -1
    F.W11C.9  COST              3865   W11                  1
    F.W11C.9  C.9                 -1
    F.W12C.9  COST              5880   W12                  1
    F.W12C.9  C.9                 -1
    F.W13C.9  COST              5041   W13                  1
    F.W13C.9  C.9                 -1
    F.W14C.9  COST              8696   W14                  1
    F.W14C.9  C.9                 -1
    F.W15C.9  COST              6473   W15                  1
    F.W15C.9  C.9                 -1
    F.W16C.9  COST              7054   W16                  1
    F.W16C.9  C.9                 -1
    F.W17C.9  COST              6724   W17                  1
    F.W17C.9  C.9                 -1
    F.W18C.9  COST              5421   W18                  1
    F.W18C.9  C.9                 -1
    F.W19C.9  COST              4165   W19                  1
    F.W19C.9  C.9                 -1
    F.W20C.9  COST              3505   W20                  1
    F.W20C.9  C.9                 -1
    F.W21C.9  COST              3183   W21                  1
    F.W21C.9  C.9                 -1
    F.W22C.9  COST              5991   W22                  1
    F.W22C.9  C.9                 -1
    F.W23C.9  COST              4574   W23                  1
    F.W23C.9  C.9                 -1
    F.W24C.9  COST              6499   W24                  1
    F.W24C.9  C.9                 -1
    F.W25C.9  COST              4230   W25                  1
    F.W25C.9  C.9                 -1
    F.C10...  ...                 -1   C10                  1
    F.W.1C10  COST              4561   W.1                  1
    F.W.1C10  C10                 -1
    F.W.2C10  COST              6235   W.2                  1
    F.W.2C10  C10                 -1
    F.W.3C10  COST              4383   W.3                  1
    F.W.3C10  C10                 -1
    F.W.4C10  COST              2718   W.4                  1
    F.W.4C10  C10                 -1
    F.W.5C10  COST              3284   W.5                  1
    F.W.5C10  C10                 -1
    F.W.6C10  COST              3691   W.6                  1
    F.W.6C10  C10                 -1
    F.W.7C10  COST              3541   W.7                  1
    F.W.7C10  C10                 -1
    F.W.8C10  COST              1708   W.8                  1
    F.W.8C10  C10                 -1
    F.W.9C10  COST              3546   W.9                  1
    F.W.9C10  C10                 -1
    F.W10C10  COST              4396   W10                  1
    F.W10C10  C10                 -1
    F.W11C10  COST              2403   W11                  1
    F.W11C10  C10                 -1
    F.W12C10  COST              6095   W12                  1
    F.W12C10  C10                 -1
    F.W13C10  COST              3579   W13                  1
    F.W13C10  C10                 -1
    F.W14C10  COST              7234   W14                  1
    F.W14C10  C10                 -1
    F.W15C10  COST              4690   W15                  1
    F.W15C10  C10                 -1
    F.W16C10  COST              5771   W16                  1
    F.W16C10  C10                 -1
    F.W17C10  COST              5426   W17                  1
    F.W17C10  C10                 -1
    F.W18C10  COST              4121   W18                  1
    F.W18C10  C10                 -1
    F.W19C10  COST              2603   W19                  1
    F.W19C10  C10                 -1
    F.W20C10  COST              2863   W20                  1
    F.W20C10  C10                 -1
    F.W21C10  COST              3398   W21                  1
    F.W21C10  C10                 -1
    F.W22C10  COST              6206   W22                  1
    F.W22C10  C10                 -1
    F.W23C10  COST              6526   W23                  1
    F.W23C10  C10                 -1
    F.W24C10  COST              5214   W24                  1
    F.W24C10  C10                 -1
    F.W25C10  COST              2903   W25                  1
    F.W25C10  C10                 -1
    F.C11...  ...                 -1   C11                  1
    F.W.1C11  COST              2566   W.1                  1
    F.W.1C11  C11                 -1
    F.W.2C11  COST              3748   W.2                  1
    F.W.2C11  C11                 -1
    F.W.3C11  COST              1895   W.3                  1
    F.W.3C11  C11                 -1
    F.W.4C11  COST               230   W.4                  1
    F.W.4C11  C11                 -1
    F.W.5C11  COST               839   W.5                  1
    F.W.5C11  C11                 -1
    F.W.6C11  COST              1204   W.6                  1
    F.W.6C11  C11                 -1
    F.W.7C11  COST              3609   W.7                  1
    F.W.7C11  C11                 -1
    F.W.8C11  COST              4008   W.8                  1
    F.W.8C11  C11                 -1
    F.W.9C11  COST              1059   W.9                  1
    F.W.9C11  C11                 -1
    F.W10C11  COST              4396   W10                  1
    F.W10C11  C11                 -1
    F.W11C11  COST              1775   W11                  1
    F.W11C11  C11                 -1
    F.W12C11  COST              8408   W12                  1
    F.W12C11  C11                 -1
    F.W13C11  COST              1931   W13                  1
    F.W13C11  C11                 -1
    F.W14C11  COST              5249   W14                  1
    F.W14C11  C11                 -1
    F.W15C11  COST              3375   W15                  1
    F.W15C11  C11                 -1
    F.W16C11  COST              3284   W16                  1
    F.W16C11  C11                 -1
    F.W17C11  COST              2939   W17                  1
    F.W17C11  C11                 -1
    F.W18C11  COST              1634   W18                  1
    F.W18C11  C11                 -1
    F.W19C11  COST              1010   W19                  1
    F.W19C11  C11                 -1
    F.W20C11  COST              1715   W20                  1
    F.W20C11  C11                 -1
    F.W21C11  COST              5885   W21                  1
    F.W21C11  C11                 -1
    F.W22C11  COST              8694   W22                  1
    F.W22C11  C11                 -1
    F.W23C11  COST              8259   W23                  1
    F.W23C11  C11                 -1
    F.W24C11  COST              2726   W24                  1
    F.W24C11  C11                 -1
    F.W25C11  COST               460   W25                  1
    F.W25C11  C11                 -1
    F.C12...  ...                 -1   C12                  1
    F.W.1C12  COST              1956   W.1                  1
    F.W.1C12  C12                 -1
    F.W.2C12  COST              3548   W.2                  1
    F.W.2C12  C12                 -1
    F.W.3C12  COST              1695   W.3                  1
    F.W.3C12  C12                 -1
    F.W.4C12  COST               933   W.4                  1
    F.W.4C12  C12                 -1
    F.W.5C12  COST               136   W.5                  1
    F.W.5C12  C12                 -1
    F.W.6C12  COST              1004   W.6                  1
    F.W.6C12  C12                 -1
    F.W.7C12  COST              3626   W.7                  1
    F.W.7C12  C12                 -1
    F.W.8C12  COST              4573   W.8                  1
    F.W.8C12  C12                 -1
    F.W.9C12  COST              1024   W.9                  1
    F.W.9C12  C12                 -1
    F.W10C12  COST              4159   W10                  1
    F.W10C12  C12                 -1
    F.W11C12  COST              2188   W11                  1
    F.W11C12  C12                 -1
    F.W12C12  COST              8765   W12                  1
    F.W12C12  C12                 -1
    F.W13C12  COST              1849   W13                  1
    F.W13C12  C12                 -1
    F.W14C12  COST              4641   W14                  1
    F.W14C12  C12                 -1
    F.W15C12  COST              3163   W15                  1
    F.W15C12  C12                 -1
    F.W16C12  COST              2901   W16                  1
    F.W16C12  C12                 -1
    F.W17C12  COST              2559   W17                  1
    F.W17C12  C12                 -1
    F.W18C12  COST              1254   W18                  1
    F.W18C12  C12                 -1
    F.W19C12  COST              1145   W19                  1
    F.W19C12  C12                 -1
    F.W20C12  COST              2418   W20                  1
    F.W20C12  C12                 -1
    F.W21C12  COST              6545   W21                  1
    F.W21C12  C12                 -1
    F.W22C12  COST              9354   W22                  1
    F.W22C12  C12                 -1
    F.W23C12  COST              8961   W23                  1
    F.W23C12  C12                 -1
    F.W24C12  COST              2176   W24                  1
    F.W24C12  C12                 -1
    F.W25C12  COST               273   W25                  1
    F.W25C12  C12                 -1
    F.C13...  ...                 -1   C13                  1
    F.W.1C13  COST              2606   W.1                  1
    F.W.1C13  C13                 -1
    F.W.2C13  COST              2898   W.2                  1
    F.W.2C13  C13                 -1
    F.W.3C13  COST              1045   W.3                  1
    F.W.3C13  C13                 -1
    F.W.4C13  COST              1080   W.4                  1
    F.W.4C13  C13                 -1
    F.W.5C13  COST               786   W.5                  1
    F.W.5C13  C13                 -1
    F.W.6C13  COST               354   W.6                  1
    F.W.6C13  C13                 -1
    F.W.7C13  COST              4274   W.7                  1
    F.W.7C13  C13                 -1
    F.W.8C13  COST              4858   W.8                  1
    F.W.8C13  C13                 -1
    F.W.9C13  COST               789   W.9                  1
    F.W.9C13  C13                 -1
    F.W10C13  COST              4809   W10                  1
    F.W10C13  C13                 -1
    F.W11C13  COST              2625   W11                  1
    F.W11C13  C13                 -1
    F.W12C13  COST              9228   W12                  1
    F.W12C13  C13                 -1
    F.W13C13  COST              2499   W13                  1
    F.W13C13  C13                 -1
    F.W14C13  COST              5291   W14                  1
    F.W14C13  C13                 -1
    F.W15C13  COST              3813   W15                  1
    F.W15C13  C13                 -1
    F.W16C13  COST              2441   W16                  1
    F.W16C13  C13                 -1
    F.W17C13  COST              2096   W17                  1
    F.W17C13  C13                 -1
    F.W18C13  COST               791   W18                  1
    F.W18C13  C13                 -1
    F.W19C13  COST              1608   W19                  1
    F.W19C13  C13                 -1
    F.W20C13  COST              2565   W20                  1
    F.W20C13  C13                 -1
    F.W21C13  COST              6735   W21                  1
    F.W21C13  C13                 -1
    F.W22C13  COST              9544   W22                  1
    F.W22C13  C13                 -1
    F.W23C13  COST              9109   W23                  1
    F.W23C13  C13                 -1
    F.W24C13  COST              1884   W24                  1
    F.W24C13  C13                 -1
    F.W25C13  COST               708   W25                  1
    F.W25C13  C13                 -1
    F.C14...  ...                 -1   C14                  1
    F.W.1C14  COST              1366   W.1                  1
    F.W.1C14  C14                 -1
    F.W.2C14  COST              3528   W.2                  1
    F.W.2C14  C14                 -1
    F.W.3C14  COST              2860   W.3                  1
    F.W.3C14  C14                 -1
    F.W.4C14  COST              2398   W.4                  1
    F.W.4C14  C14                 -1
    F.W.5C14  COST              1601   W.5                  1
    F.W.5C14  C14                 -1
    F.W.6C14  COST              2469   W.6                  1
    F.W.6C14  C14                 -1
    F.W.7C14  COST              3884   W.7                  1
    F.W.7C14  C14                 -1
    F.W.8C14  COST              5810   W.8                  1
    F.W.8C14  C14                 -1
    F.W.9C14  COST              2489   W.9                  1
    F.W.9C14  C14                 -1
    F.W10C14  COST              4159   W10                  1
    F.W10C14  C14                 -1
    F.W11C14  COST              3425   W11                  1
    F.W11C14  C14                 -1
    F.W12C14  COST              9185   W12                  1
    F.W12C14  C14                 -1
    F.W13C14  COST              2296   W13                  1
    F.W13C14  C14                 -1
    F.W14C14  COST              3241   W14                  1
    F.W14C14  C14                 -1
    F.W15C14  COST              2940   W15                  1
    F.W15C14  C14                 -1
    F.W16C14  COST              2766   W16                  1
    F.W16C14  C14                 -1
    F.W17C14  COST              2424   W17                  1
    F.W17C14  C14                 -1
    F.W18C14  COST              2394   W18                  1
    F.W18C14  C14                 -1
    F.W19C14  COST              2383   W19                  1
    F.W19C14  C14                 -1
    F.W20C14  COST              3883   W20                  1
    F.W20C14  C14                 -1
    F.W21C14  COST              7780   W21                  1
    F.W21C14  C14                 -1
    F.W22C14  COST             10464   W22                  1
    F.W22C14  C14                 -1
    F.W23C14  COST             10519   W23                  1
    F.W23C14  C14                 -1
    F.W24C14  COST              2006   W24                  1
    F.W24C14  C14                 -1
    F.W25C14  COST              1703   W25                  1
    F.W25C14  C14                 -1
    F.C15...  ...                 -1   C15                  1
    F.W.1C15  COST              2794   W.1                  1
    F.W.1C15  C15                 -1
    F.W.2C15  COST              5863   W.2                  1
    F.W.2C15  C15                 -1
    F.W.3C15  COST              4130   W.3                  1
    F.W.3C15  C15                 -1
    F.W.4C15  COST              2650   W.4                  1
    F.W.4C15  C15                 -1
    F.W.5C15  COST              2574   W.5                  1
    F.W.5C15  C15                 -1
    F.W.6C15  COST              3439   W.6                  1
    F.W.6C15  C15                 -1
    F.W.7C15  COST              1189   W.7                  1
    F.W.7C15  C15                 -1
    F.W.8C15  COST              3530   W.8                  1
    F.W.8C15  C15                 -1
    F.W.9C15  COST              3379   W.9                  1
    F.W.9C15  C15                 -1
    F.W10C15  COST              2044   W10                  1
    F.W10C15  C15                 -1
    F.W11C15  COST              1940   W11                  1
    F.W11C15  C15                 -1
    F.W12C15  COST              6490   W12                  1
    F.W12C15  C15                 -1
    F.W13C15  COST              1816   W13                  1
    F.W13C15  C15                 -1
    F.W14C15  COST              5281   W14                  1
    F.W14C15  C15                 -1
    F.W15C15  COST              2338   W15                  1
    F.W15C15  C15                 -1
    F.W16C15  COST              5101   W16                  1
    F.W16C15  C15                 -1
    F.W17C15  COST              4756   W17                  1
    F.W17C15  C15                 -1
    F.W18C15  COST              3691   W18                  1
    F.W18C15  C15                 -1
    F.W19C15  COST              2078   W19                  1
    F.W19C15  C15                 -1
    F.W20C15  COST              3218   W20                  1
    F.W20C15  C15                 -1
    F.W21C15  COST              5458   W21                  1
    F.W21C15  C15                 -1
    F.W22C15  COST              7861   W22                  1
    F.W22C15  C15                 -1
    F.W23C15  COST              8891   W23                  1
    F.W23C15  C15                 -1
    F.W24C15  COST              4341   W24                  1
    F.W24C15  C15                 -1
    F.W25C15  COST              2378   W25                  1
    F.W25C15  C15                 -1
    F.C16...  ...                 -1   C16                  1
    F.W.1C16  COST              4546   W.1                  1
    F.W.1C16  C16                 -1
    F.W.2C16  COST              6313   W.2                  1
    F.W.2C16  C16                 -1
    F.W.3C16  COST              4460   W.3                  1
    F.W.3C16  C16                 -1
    F.W.4C16  COST              2795   W.4                  1
    F.W.4C16  C16                 -1
    F.W.5C16  COST              3266   W.5                  1
    F.W.5C16  C16                 -1
    F.W.6C16  COST              3769   W.6                  1
    F.W.6C16  C16                 -1
    F.W.7C16  COST              3276   W.7                  1
    F.W.7C16  C16                 -1
    F.W.8C16  COST              1443   W.8                  1
    F.W.8C16  C16                 -1
    F.W.9C16  COST              3624   W.9                  1
    F.W.9C16  C16                 -1
    F.W10C16  COST              4131   W10                  1
    F.W10C16  C16                 -1
    F.W11C16  COST              2238   W11                  1
    F.W11C16  C16                 -1
    F.W12C16  COST              6223   W12                  1
    F.W12C16  C16                 -1
    F.W13C16  COST              3414   W13                  1
    F.W13C16  C16                 -1
    F.W14C16  COST              7069   W14                  1
    F.W14C16  C16                 -1
    F.W15C16  COST              4425   W15                  1
    F.W15C16  C16                 -1
    F.W16C16  COST              5849   W16                  1
    F.W16C16  C16                 -1
    F.W17C16  COST              5504   W17                  1
    F.W17C16  C16                 -1
    F.W18C16  COST              4199   W18                  1
    F.W18C16  C16                 -1
    F.W19C16  COST              2585   W19                  1
    F.W19C16  C16                 -1
    F.W20C16  COST              2940   W20                  1
    F.W20C16  C16                 -1
    F.W21C16  COST              3525   W21                  1
    F.W21C16  C16                 -1
    F.W22C16  COST              6471   W22                  1
    F.W22C16  C16                 -1
    F.W23C16  COST              6791   W23                  1
    F.W23C16  C16                 -1
    F.W24C16  COST              5291   W24                  1
    F.W24C16  C16                 -1
    F.W25C16  COST              2885   W25                  1
    F.W25C16  C16                 -1
    F.C17...  ...                 -1   C17                  1
    F.W.1C17  COST              3111   W.1                  1
    F.W.1C17  C17                 -1
    F.W.2C17  COST              4643   W.2                  1
    F.W.2C17  C17                 -1
    F.W.3C17  COST              2790   W.3                  1
    F.W.3C17  C17                 -1
    F.W.4C17  COST              1125   W.4                  1
    F.W.4C17  C17                 -1
    F.W.5C17  COST              1734   W.5                  1
    F.W.5C17  C17                 -1
    F.W.6C17  COST              2099   W.6                  1
    F.W.6C17  C17                 -1
    F.W.7C17  COST              3034   W.7                  1
    F.W.7C17  C17                 -1
    F.W.8C17  COST              3150   W.8                  1
    F.W.8C17  C17                 -1
    F.W.9C17  COST              1954   W.9                  1
    F.W.9C17  C17                 -1
    F.W10C17  COST              3889   W10                  1
    F.W10C17  C17                 -1
    F.W11C17  COST              1200   W11                  1
    F.W11C17  C17                 -1
    F.W12C17  COST              7725   W12                  1
    F.W12C17  C17                 -1
    F.W13C17  COST              2226   W13                  1
    F.W13C17  C17                 -1
    F.W14C17  COST              5794   W14                  1
    F.W14C17  C17                 -1
    F.W15C17  COST              3670   W15                  1
    F.W15C17  C17                 -1
    F.W16C17  COST              4179   W16                  1
    F.W16C17  C17                 -1
    F.W17C17  COST              3834   W17                  1
    F.W17C17  C17                 -1
    F.W18C17  COST              2529   W18                  1
    F.W18C17  C17                 -1
    F.W19C17  COST              1150   W19                  1
    F.W19C17  C17                 -1
    F.W20C17  COST              1373   W20                  1
    F.W20C17  C17                 -1
    F.W21C17  COST              5028   W21                  1
    F.W21C17  C17                 -1
    F.W22C17  COST              7836   W22                  1
    F.W22C17  C17                 -1
    F.W23C17  COST              7766   W23                  1
    F.W23C17  C17                 -1
    F.W24C17  COST              3621   W24                  1
    F.W24C17  C17                 -1
    F.W25C17  COST              1355   W25                  1
    F.W25C17  C17                 -1
    F.C18...  ...                 -1   C18                  1
    F.W.1C18  COST              2601   W.1                  1
    F.W.1C18  C18                 -1
    F.W.2C18  COST              3068   W.2                  1
    F.W.2C18  C18                 -1
    F.W.3C18  COST              1215   W.3                  1
    F.W.3C18  C18                 -1
    F.W.4C18  COST               910   W.4                  1
    F.W.4C18  C18                 -1
    F.W.5C18  COST               781   W.5                  1
    F.W.5C18  C18                 -1
    F.W.6C18  COST               764   W.6                  1
    F.W.6C18  C18                 -1
    F.W.7C18  COST              4189   W.7                  1
    F.W.7C18  C18                 -1
    F.W.8C18  COST              4688   W.8                  1
    F.W.8C18  C18                 -1
    F.W.9C18  COST               379   W.9                  1
    F.W.9C18  C18                 -1
    F.W10C18  COST              4804   W10                  1
    F.W10C18  C18                 -1
    F.W11C18  COST              2455   W11                  1
    F.W11C18  C18                 -1
    F.W12C18  COST              9088   W12                  1
    F.W12C18  C18                 -1
    F.W13C18  COST              2494   W13                  1
    F.W13C18  C18                 -1
    F.W14C18  COST              5286   W14                  1
    F.W14C18  C18                 -1
    F.W15C18  COST              3808   W15                  1
    F.W15C18  C18                 -1
    F.W16C18  COST              2634   W16                  1
    F.W16C18  C18                 -1
    F.W17C18  COST              2509   W17                  1
    F.W17C18  C18                 -1
    F.W18C18  COST              1204   W18                  1
    F.W18C18  C18                 -1
    F.W19C18  COST              1523   W19                  1
    F.W19C18  C18                 -1
    F.W20C18  COST              2395   W20                  1
    F.W20C18  C18                 -1
    F.W21C18  COST              6565   W21                  1
    F.W21C18  C18                 -1
    F.W22C18  COST              9374   W22                  1
    F.W22C18  C18                 -1
    F.W23C18  COST              8939   W23                  1
    F.W23C18  C18                 -1
    F.W24C18  COST              2296   W24                  1
    F.W24C18  C18                 -1
    F.W25C18  COST               758   W25                  1
    F.W25C18  C18                 -1
    F.C19...  ...                 -1   C19                  1
    F.W.1C19  COST              3736   W.1                  1
    F.W.1C19  C19                 -1
    F.W.2C19  COST              4918   W.2                  1
    F.W.2C19  C19                 -1
    F.W.3C19  COST              3065   W.3                  1
    F.W.3C19  C19                 -1
    F.W.4C19  COST              1400   W.4                  1
    F.W.4C19  C19                 -1
    F.W.5C19  COST              2009   W.5                  1
    F.W.5C19  C19                 -1
    F.W.6C19  COST              2374   W.6                  1
    F.W.6C19  C19                 -1
    F.W.7C19  COST              4061   W.7                  1
    F.W.7C19  C19                 -1
    F.W.8C19  COST              4038   W.8                  1
    F.W.8C19  C19                 -1
    F.W.9C19  COST              2229   W.9                  1
    F.W.9C19  C19                 -1
    F.W10C19  COST              4916   W10                  1
    F.W10C19  C19                 -1
    F.W11C19  COST              2228   W11                  1
    F.W11C19  C19                 -1
    F.W12C19  COST              8613   W12                  1
    F.W12C19  C19                 -1
    F.W13C19  COST              3191   W13                  1
    F.W13C19  C19                 -1
    F.W14C19  COST              6419   W14                  1
    F.W14C19  C19                 -1
    F.W15C19  COST              4635   W15                  1
    F.W15C19  C19                 -1
    F.W16C19  COST              4454   W16                  1
    F.W16C19  C19                 -1
    F.W17C19  COST              4111   W17                  1
    F.W17C19  C19                 -1
    F.W18C19  COST              2806   W18                  1
    F.W18C19  C19                 -1
    F.W19C19  COST              2115   W19                  1
    F.W19C19  C19                 -1
    F.W20C19  COST              1105   W20                  1
    F.W20C19  C19                 -1
    F.W21C19  COST              5915   W21                  1
    F.W21C19  C19                 -1
    F.W22C19  COST              8724   W22                  1
    F.W22C19  C19                 -1
    F.W23C19  COST              7311   W23                  1
    F.W23C19  C19                 -1
    F.W24C19  COST              3899   W24                  1
    F.W24C19  C19                 -1
    F.W25C19  COST              1630   W25                  1
    F.W25C19  C19                 -1
    F.C20...  ...                 -1   C20                  1
    F.W.1C20  COST              4409   W.1                  1
    F.W.1C20  C20                 -1
    F.W.2C20  COST              7238   W.2                  1
    F.W.2C20  C20                 -1
    F.W.3C20  COST              5385   W.3                  1
    F.W.3C20  C20                 -1
    F.W.4C20  COST              3720   W.4                  1
    F.W.4C20  C20                 -1
    F.W.5C20  COST              4039   W.5                  1
    F.W.5C20  C20                 -1
    F.W.6C20  COST              4694   W.6                  1
    F.W.6C20  C20                 -1
    F.W.7C20  COST              2804   W.7                  1
    F.W.7C20  C20                 -1
    F.W.8C20  COST              3268   W.8                  1
    F.W.8C20  C20                 -1
    F.W.9C20  COST              4549   W.9                  1
    F.W.9C20  C20                 -1
    F.W10C20  COST              3451   W10                  1
    F.W10C20  C20                 -1
    F.W11C20  COST              3010   W11                  1
    F.W11C20  C20                 -1
    F.W12C20  COST              4875   W12                  1
    F.W12C20  C20                 -1
    F.W13C20  COST              3434   W13                  1
    F.W13C20  C20                 -1
    F.W14C20  COST              6951   W14                  1
    F.W14C20  C20                 -1
    F.W15C20  COST              3953   W15                  1
    F.W15C20  C20                 -1
    F.W16C20  COST              6789   W16                  1
    F.W16C20  C20                 -1
    F.W17C20  COST              6374   W17                  1
    F.W17C20  C20                 -1
    F.W18C20  COST              5049   W18                  1
    F.W18C20  C20                 -1
    F.W19C20  COST              3358   W19                  1
    F.W19C20  C20                 -1
    F.W20C20  COST              4288   W20                  1
    F.W20C20  C20                 -1
    F.W21C20  COST              5195   W21                  1
    F.W21C20  C20                 -1
    F.W22C20  COST              6246   W22                  1
    F.W22C20  C20                 -1
    F.W23C20  COST              8366   W23                  1
    F.W23C20  C20                 -1
    F.W24C20  COST              5956   W24                  1
    F.W24C20  C20                 -1
    F.W25C20  COST              3750   W25                  1
    F.W25C20  C20                 -1
    F.C21...  ...                 -1   C21                  1
    F.W.1C21  COST              4161   W.1                  1
    F.W.1C21  C21                 -1
    F.W.2C21  COST              5343   W.2                  1
    F.W.2C21  C21                 -1
    F.W.3C21  COST              3490   W.3                  1
    F.W.3C21  C21                 -1
    F.W.4C21  COST              1825   W.4                  1
    F.W.4C21  C21                 -1
    F.W.5C21  COST              2434   W.5                  1
    F.W.5C21  C21                 -1
    F.W.6C21  COST              2799   W.6                  1
    F.W.6C21  C21                 -1
    F.W.7C21  COST              4286   W.7                  1
    F.W.7C21  C21                 -1
    F.W.8C21  COST              4263   W.8                  1
    F.W.8C21  C21                 -1
    F.W.9C21  COST              2654   W.9                  1
    F.W.9C21  C21                 -1
    F.W10C21  COST              5141   W10                  1
    F.W10C21  C21                 -1
    F.W11C21  COST              2453   W11                  1
    F.W11C21  C21                 -1
    F.W12C21  COST              8070   W12                  1
    F.W12C21  C21                 -1
    F.W13C21  COST              3416   W13                  1
    F.W13C21  C21                 -1
    F.W14C21  COST              6844   W14                  1
    F.W14C21  C21                 -1
    F.W15C21  COST              4860   W15                  1
    F.W15C21  C21                 -1
    F.W16C21  COST              4879   W16                  1
    F.W16C21  C21                 -1
    F.W17C21  COST              4534   W17                  1
    F.W17C21  C21                 -1
    F.W18C21  COST              3231   W18                  1
    F.W18C21  C21                 -1
    F.W19C21  COST              2340   W19                  1
    F.W19C21  C21                 -1
    F.W20C21  COST              1330   W20                  1
    F.W20C21  C21                 -1
    F.W21C21  COST              5373   W21                  1
    F.W21C21  C21                 -1
    F.W22C21  COST              8181   W22                  1
    F.W22C21  C21                 -1
    F.W23C21  COST              6664   W23                  1
    F.W23C21  C21                 -1
    F.W24C21  COST              4324   W24                  1
    F.W24C21  C21                 -1
    F.W25C21  COST              2055   W25                  1
    F.W25C21  C21                 -1
    F.C22...  ...                 -1   C22                  1
    F.W.1C22  COST              2871   W.1                  1
    F.W.1C22  C22                 -1
    F.W.2C22  COST              6035   W.2                  1
    F.W.2C22  C22                 -1
    F.W.3C22  COST              4470   W.3                  1
    F.W.3C22  C22                 -1
    F.W.4C22  COST              3243   W.4                  1
    F.W.4C22  C22                 -1
    F.W.5C22  COST              2911   W.5                  1
    F.W.5C22  C22                 -1
    F.W.6C22  COST              3779   W.6                  1
    F.W.6C22  C22                 -1
    F.W.7C22  COST              1849   W.7                  1
    F.W.7C22  C22                 -1
    F.W.8C22  COST              4190   W.8                  1
    F.W.8C22  C22                 -1
    F.W.9C22  COST              3799   W.9                  1
    F.W.9C22  C22                 -1
    F.W10C22  COST              1384   W10                  1
    F.W10C22  C22                 -1
    F.W11C22  COST              2600   W11                  1
    F.W11C22  C22                 -1
    F.W12C22  COST              6943   W12                  1
    F.W12C22  C22                 -1
    F.W13C22  COST              2154   W13                  1
    F.W13C22  C22                 -1
    F.W14C22  COST              4979   W14                  1
    F.W14C22  C22                 -1
    F.W15C22  COST              1980   W15                  1
    F.W15C22  C22                 -1
    F.W16C22  COST              5271   W16                  1
    F.W16C22  C22                 -1
    F.W17C22  COST              4929   W17                  1
    F.W17C22  C22                 -1
    F.W18C22  COST              4029   W18                  1
    F.W18C22  C22                 -1
    F.W19C22  COST              2603   W19                  1
    F.W19C22  C22                 -1
    F.W20C22  COST              3878   W20                  1
    F.W20C22  C22                 -1
    F.W21C22  COST              6118   W21                  1
    F.W21C22  C22                 -1
    F.W22C22  COST              8314   W22                  1
    F.W22C22  C22                 -1
    F.W23C22  COST              9546   W23                  1
    F.W23C22  C22                 -1
    F.W24C22  COST              4511   W24                  1
    F.W24C22  C22                 -1
    F.W25C22  COST              2768   W25                  1
    F.W25C22  C22                 -1
    F.C23...  ...                 -1   C23                  1
    F.W.1C23  COST              2194   W.1                  1
    F.W.1C23  C23                 -1
    F.W.2C23  COST              3608   W.2                  1
    F.W.2C23  C23                 -1
    F.W.3C23  COST              1755   W.3                  1
    F.W.3C23  C23                 -1
    F.W.4C23  COST               690   W.4                  1
    F.W.4C23  C23                 -1
    F.W.5C23  COST               409   W.5                  1
    F.W.5C23  C23                 -1
    F.W.6C23  COST              1061   W.6                  1
    F.W.6C23  C23                 -1
    F.W.7C23  COST              3566   W.7                  1
    F.W.7C23  C23                 -1
    F.W.8C23  COST              4328   W.8                  1
    F.W.8C23  C23                 -1
    F.W.9C23  COST              1136   W.9                  1
    F.W.9C23  C23                 -1
    F.W10C23  COST              4151   W10                  1
    F.W10C23  C23                 -1
    F.W11C23  COST              1943   W11                  1
    F.W11C23  C23                 -1
    F.W12C23  COST              8520   W12                  1
    F.W12C23  C23                 -1
    F.W13C23  COST              1841   W13                  1
    F.W13C23  C23                 -1
    F.W14C23  COST              4879   W14                  1
    F.W14C23  C23                 -1
    F.W15C23  COST              3218   W15                  1
    F.W15C23  C23                 -1
    F.W16C23  COST              3041   W16                  1
    F.W16C23  C23                 -1
    F.W17C23  COST              2696   W17                  1
    F.W17C23  C23                 -1
    F.W18C23  COST              1391   W18                  1
    F.W18C23  C23                 -1
    F.W19C23  COST               900   W19                  1
    F.W19C23  C23                 -1
    F.W20C23  COST              2175   W20                  1
    F.W20C23  C23                 -1
    F.W21C23  COST              6300   W21                  1
    F.W21C23  C23                 -1
    F.W22C23  COST              9109   W22                  1
    F.W22C23  C23                 -1
    F.W23C23  COST              8719   W23                  1
    F.W23C23  C23                 -1
    F.W24C23  COST              2449   W24                  1
    F.W24C23  C23                 -1
    F.W25C23  W25                  1   C23                 -1
    F.C24...  ...                 -1   C24                  1
    F.W.1C24  COST              1606   W.1                  1
    F.W.1C24  C24                 -1
    F.W.2C24  COST              4228   W.2                  1
    F.W.2C24  C24                 -1
    F.W.3C24  COST              3560   W.3                  1
    F.W.3C24  C24                 -1
    F.W.4C24  COST              2938   W.4                  1
    F.W.4C24  C24                 -1
    F.W.5C24  COST              2236   W.5                  1
    F.W.5C24  C24                 -1
    F.W.6C24  COST              3104   W.6                  1
    F.W.6C24  C24                 -1
    F.W.7C24  COST              3929   W.7                  1
    F.W.7C24  C24                 -1
    F.W.8C24  COST              5970   W.8                  1
    F.W.8C24  C24                 -1
    F.W.9C24  COST              3124   W.9                  1
    F.W.9C24  C24                 -1
    F.W10C24  COST              3821   W10                  1
    F.W10C24  C24                 -1
    F.W11C24  COST              3585   W11                  1
    F.W11C24  C24                 -1
    F.W12C24  COST              9285   W12                  1
    F.W12C24  C24                 -1
    F.W13C24  COST              2341   W13                  1
    F.W13C24  C24                 -1
    F.W14C24  COST              2541   W14                  1
    F.W14C24  C24                 -1
    F.W15C24  COST              2603   W15                  1
    F.W15C24  C24                 -1
    F.W16C24  COST              3466   W16                  1
    F.W16C24  C24                 -1
    F.W17C24  COST              3124   W17                  1
    F.W17C24  C24                 -1
    F.W18C24  COST              3094   W18                  1
    F.W18C24  C24                 -1
    F.W19C24  COST              2593   W19                  1
    F.W19C24  C24                 -1
    F.W20C24  COST              4423   W20                  1
    F.W20C24  C24                 -1
    F.W21C24  COST              7960   W21                  1
    F.W21C24  C24                 -1
    F.W22C24  COST             10509   W22                  1
    F.W22C24  C24                 -1
    F.W23C24  COST             10729   W23                  1
    F.W23C24  C24                 -1
    F.W24C24  COST              2706   W24                  1
    F.W24C24  C24                 -1
    F.W25C24  COST              2338   W25                  1
    F.W25C24  C24                 -1
    F.C25...  ...                 -1   C25                  1
    F.W.1C25  COST              2956   W.1                  1
    F.W.1C25  C25                 -1
    F.W.2C25  COST              4875   W.2                  1
    F.W.2C25  C25                 -1
    F.W.3C25  COST              3023   W.3                  1
    F.W.3C25  C25                 -1
    F.W.4C25  COST              1358   W.4                  1
    F.W.4C25  C25                 -1
    F.W.5C25  COST              1676   W.5                  1
    F.W.5C25  C25                 -1
    F.W.6C25  COST              2331   W.6                  1
    F.W.6C25  C25                 -1
    F.W.7C25  COST              2481   W.7                  1
    F.W.7C25  C25                 -1
    F.W.8C25  COST              3033   W.8                  1
    F.W.8C25  C25                 -1
    F.W.9C25  COST              2186   W.9                  1
    F.W.9C25  C25                 -1
    F.W10C25  COST              3336   W10                  1
    F.W10C25  C25                 -1
    F.W11C25  COST               648   W11                  1
    F.W11C25  C25                 -1
    F.W12C25  COST              7280   W12                  1
    F.W12C25  C25                 -1
    F.W13C25  COST              1824   W13                  1
    F.W13C25  C25                 -1
    F.W14C25  COST              5479   W14                  1
    F.W14C25  C25                 -1
    F.W15C25  COST              3255   W15                  1
    F.W15C25  C25                 -1
    F.W16C25  COST              4336   W16                  1
    F.W16C25  C25                 -1
    F.W17C25  COST              3991   W17                  1
    F.W17C25  C25                 -1
    F.W18C25  COST              2686   W18                  1
    F.W18C25  C25                 -1
    F.W19C25  COST               995   W19                  1
    F.W19C25  C25                 -1
    F.W20C25  COST              1925   W20                  1
    F.W20C25  C25                 -1
    F.W21C25  COST              5115   W21                  1
    F.W21C25  C25                 -1
    F.W22C25  COST              7961   W22                  1
    F.W22C25  C25                 -1
    F.W23C25  COST              7791   W23                  1
    F.W23C25  C25                 -1
    F.W24C25  COST              3716   W24                  1
    F.W24C25  C25                 -1
    F.W25C25  COST              1295   W25                  1
    F.W25C25  C25                 -1
    F.C26...  ...                 -1   C26                  1
    F.W.1C26  COST              1224   W.1                  1
    F.W.1C26  C26                 -1
    F.W.2C26  COST              3605   W.2                  1
    F.W.2C26  C26                 -1
    F.W.3C26  COST              2428   W.3                  1
    F.W.3C26  C26                 -1
    F.W.4C26  COST              1665   W.4                  1
    F.W.4C26  C26                 -1
    F.W.5C26  COST               876   W.5                  1
    F.W.5C26  C26                 -1
    F.W.6C26  COST              1736   W.6                  1
    F.W.6C26  C26                 -1
    F.W.7C26  COST              3446   W.7                  1
    F.W.7C26  C26                 -1
    F.W.8C26  COST              5078   W.8                  1
    F.W.8C26  C26                 -1
    F.W.9C26  COST              1756   W.9                  1
    F.W.9C26  C26                 -1
    F.W10C26  COST              3814   W10                  1
    F.W10C26  C26                 -1
    F.W11C26  COST              2693   W11                  1
    F.W11C26  C26                 -1
    F.W12C26  COST              8748   W12                  1
    F.W12C26  C26                 -1
    F.W13C26  COST              1669   W13                  1
    F.W13C26  C26                 -1
    F.W14C26  COST              3909   W14                  1
    F.W14C26  C26                 -1
    F.W15C26  COST              2595   W15                  1
    F.W15C26  C26                 -1
    F.W16C26  COST              2844   W16                  1
    F.W16C26  C26                 -1
    F.W17C26  COST              2499   W17                  1
    F.W17C26  C26                 -1
    F.W18C26  COST              1986   W18                  1
    F.W18C26  C26                 -1
    F.W19C26  COST              1650   W19                  1
    F.W19C26  C26                 -1
    F.W20C26  COST              3150   W20                  1
    F.W20C26  C26                 -1
    F.W21C26  COST              7103   W21                  1
    F.W21C26  C26                 -1
    F.W22C26  COST              9836   W22                  1
    F.W22C26  C26                 -1
    F.W23C26  COST              9694   W23                  1
    F.W23C26  C26                 -1
    F.W24C26  COST              2084   W24                  1
    F.W24C26  C26                 -1
    F.W25C26  COST               970   W25                  1
    F.W25C26  C26                 -1
    F.C27...  ...                 -1   C27                  1
    F.W.1C27  COST              6444   W.1                  1
    F.W.1C27  C27                 -1
    F.W.2C27  COST              9313   W.2                  1
    F.W.2C27  C27                 -1
    F.W.3C27  COST              7460   W.3                  1
    F.W.3C27  C27                 -1
    F.W.4C27  COST              5798   W.4                  1
    F.W.4C27  C27                 -1
    F.W.5C27  COST              6061   W.5                  1
    F.W.5C27  C27                 -1
    F.W.6C27  COST              6741   W.6                  1
    F.W.6C27  C27                 -1
    F.W.7C27  COST              4839   W.7                  1
    F.W.7C27  C27                 -1
    F.W.8C27  COST              4825   W.8                  1
    F.W.8C27  C27                 -1
    F.W.9C27  COST              6626   W.9                  1
    F.W.9C27  C27                 -1
    F.W10C27  COST              5486   W10                  1
    F.W10C27  C27                 -1
    F.W11C27  COST              5088   W11                  1
    F.W11C27  C27                 -1
    F.W12C27  COST              2840   W12                  1
    F.W12C27  C27                 -1
    F.W13C27  COST              5469   W13                  1
    F.W13C27  C27                 -1
    F.W14C27  COST              8986   W14                  1
    F.W14C27  C27                 -1
    F.W15C27  COST              5988   W15                  1
    F.W15C27  C27                 -1
    F.W16C27  COST              8719   W16                  1
    F.W16C27  C27                 -1
    F.W17C27  COST              8376   W17                  1
    F.W17C27  C27                 -1
    F.W18C27  COST              7071   W18                  1
    F.W18C27  C27                 -1
    F.W19C27  COST              5380   W19                  1
    F.W19C27  C27                 -1
    F.W20C27  COST              6118   W20                  1
    F.W20C27  C27                 -1
    F.W21C27  COST              4058   W21                  1
    F.W21C27  C27                 -1
    F.W22C27  COST              4211   W22                  1
    F.W22C27  C27                 -1
    F.W23C27  COST              6331   W23                  1
    F.W23C27  C27                 -1
    F.W24C27  COST              8081   W24                  1
    F.W24C27  C27                 -1
    F.W25C27  COST              5680   W25                  1
    F.W25C27  C27                 -1
    F.C28...  ...                 -1   C28                  1
    F.W.1C28  COST              1916   W.1                  1
    F.W.1C28  C28                 -1
    F.W.2C28  COST              3833   W.2                  1
    F.W.2C28  C28                 -1
    F.W.3C28  COST              1980   W.3                  1
    F.W.3C28  C28                 -1
    F.W.4C28  COST               968   W.4                  1
    F.W.4C28  C28                 -1
    F.W.5C28  COST               421   W.5                  1
    F.W.5C28  C28                 -1
    F.W.6C28  COST              1289   W.6                  1
    F.W.6C28  C28                 -1
    F.W.7C28  COST              3341   W.7                  1
    F.W.7C28  C28                 -1
    F.W.8C28  COST              4413   W.8                  1
    F.W.8C28  C28                 -1
    F.W.9C28  COST              1309   W.9                  1
    F.W.9C28  C28                 -1
    F.W10C28  COST              3874   W10                  1
    F.W10C28  C28                 -1
    F.W11C28  COST              2028   W11                  1
    F.W11C28  C28                 -1
    F.W12C28  COST              8605   W12                  1
    F.W12C28  C28                 -1
    F.W13C28  COST              1564   W13                  1
    F.W13C28  C28                 -1
    F.W14C28  COST              4601   W14                  1
    F.W14C28  C28                 -1
    F.W15C28  COST              2940   W15                  1
    F.W15C28  C28                 -1
    F.W16C28  COST              3186   W16                  1
    F.W16C28  C28                 -1
    F.W17C28  COST              2844   W17                  1
    F.W17C28  C28                 -1
    F.W18C28  COST              1539   W18                  1
    F.W18C28  C28                 -1
    F.W19C28  COST               985   W19                  1
    F.W19C28  C28                 -1
    F.W20C28  COST              2453   W20                  1
    F.W20C28  C28                 -1
    F.W21C28  COST              6383   W21                  1
    F.W21C28  C28                 -1
    F.W22C28  COST              9191   W22                  1
    F.W22C28  C28                 -1
    F.W23C28  COST              9121   W23                  1
    F.W23C28  C28                 -1
    F.W24C28  COST              2461   W24                  1
    F.W24C28  C28                 -1
    F.W25C28  COST               278   W25                  1
    F.W25C28  C28                 -1
    F.C29...  ...                 -1   C29                  1
    F.W.1C29  COST              1781   W.1                  1
    F.W.1C29  C29                 -1
    F.W.2C29  COST              4658   W.2                  1
    F.W.2C29  C29                 -1
    F.W.3C29  COST              2930   W.3                  1
    F.W.3C29  C29                 -1
    F.W.4C29  COST              1548   W.4                  1
    F.W.4C29  C29                 -1
    F.W.5C29  COST              1371   W.5                  1
    F.W.5C29  C29                 -1
    F.W.6C29  COST              2239   W.6                  1
    F.W.6C29  C29                 -1
    F.W.7C29  COST              2391   W.7                  1
    F.W.7C29  C29                 -1
    F.W.8C29  COST              4243   W.8                  1
    F.W.8C29  C29                 -1
    F.W.9C29  COST              2259   W.9                  1
    F.W.9C29  C29                 -1
    F.W10C29  COST              2924   W10                  1
    F.W10C29  C29                 -1
    F.W11C29  COST              1858   W11                  1
    F.W11C29  C29                 -1
    F.W12C29  COST              7695   W12                  1
    F.W12C29  C29                 -1
    F.W13C29  COST               614   W13                  1
    F.W13C29  C29                 -1
    F.W14C29  COST              4269   W14                  1
    F.W14C29  C29                 -1
    F.W15C29  COST              2058   W15                  1
    F.W15C29  C29                 -1
    F.W16C29  COST              3896   W16                  1
    F.W16C29  C29                 -1
    F.W17C29  COST              3554   W17                  1
    F.W17C29  C29                 -1
    F.W18C29  COST              2489   W18                  1
    F.W18C29  C29                 -1
    F.W19C29  COST              1063   W19                  1
    F.W19C29  C29                 -1
    F.W20C29  COST              2923   W20                  1
    F.W20C29  C29                 -1
    F.W21C29  COST              6233   W21                  1
    F.W21C29  C29                 -1
    F.W22C29  COST              8781   W22                  1
    F.W22C29  C29                 -1
    F.W23C29  COST              9001   W23                  1
    F.W23C29  C29                 -1
    F.W24C29  COST              3139   W24                  1
    F.W24C29  C29                 -1
    F.W25C29  COST              1228   W25                  1
    F.W25C29  C29                 -1
    F.C30...  ...                 -1   C30                  1
    F.W.1C30  COST              2521   W.1                  1
    F.W.1C30  C30                 -1
    F.W.2C30  COST              5143   W.2                  1
    F.W.2C30  C30                 -1
    F.W.3C30  COST              4475   W.3                  1
    F.W.3C30  C30                 -1
    F.W.4C30  COST              3853   W.4                  1
    F.W.4C30  C30                 -1
    F.W.5C30  COST              3151   W.5                  1
    F.W.5C30  C30                 -1
    F.W.6C30  COST              4019   W.6                  1
    F.W.6C30  C30                 -1
    F.W.7C30  COST              4844   W.7                  1
    F.W.7C30  C30                 -1
    F.W.8C30  COST              6885   W.8                  1
    F.W.8C30  C30                 -1
    F.W.9C30  COST              4039   W.9                  1
    F.W.9C30  C30                 -1
    F.W10C30  COST              4736   W10                  1
    F.W10C30  C30                 -1
    F.W11C30  COST              4500   W11                  1
    F.W11C30  C30                 -1
    F.W12C30  COST             10200   W12                  1
    F.W12C30  C30                 -1
    F.W13C30  COST              3256   W13                  1
    F.W13C30  C30                 -1
    F.W14C30  COST              1626   W14                  1
    F.W14C30  C30                 -1
    F.W15C30  COST              3518   W15                  1
    F.W15C30  C30                 -1
    F.W16C30  COST              4381   W16                  1
    F.W16C30  C30                 -1
    F.W17C30  COST              4039   W17                  1
    F.W17C30  C30                 -1
    F.W18C30  COST              4009   W18                  1
    F.W18C30  C30                 -1
    F.W19C30  COST              3508   W19                  1
    F.W19C30  C30                 -1
    F.W20C30  COST              5338   W20                  1
    F.W20C30  C30                 -1
    F.W21C30  COST              8875   W21                  1
    F.W21C30  C30                 -1
    F.W22C30  COST             11424   W22                  1
    F.W22C30  C30                 -1
    F.W23C30  COST             11644   W23                  1
    F.W23C30  C30                 -1
    F.W24C30  COST              3621   W24                  1
    F.W24C30  C30                 -1
    F.W25C30  COST              3253   W25                  1
    F.W25C30  C30                 -1
    F.C31...  ...                 -1   C31                  1
    F.W.1C31  COST              1614   W.1                  1
    F.W.1C31  C31                 -1
    F.W.2C31  COST              4813   W.2                  1
    F.W.2C31  C31                 -1
    F.W.3C31  COST              3563   W.3                  1
    F.W.3C31  C31                 -1
    F.W.4C31  COST              2523   W.4                  1
    F.W.4C31  C31                 -1
    F.W.5C31  COST              2004   W.5                  1
    F.W.5C31  C31                 -1
    F.W.6C31  COST              2871   W.6                  1
    F.W.6C31  C31                 -1
    F.W.7C31  COST              2804   W.7                  1
    F.W.7C31  C31                 -1
    F.W.8C31  COST              5145   W.8                  1
    F.W.8C31  C31                 -1
    F.W.9C31  COST              2891   W.9                  1
    F.W.9C31  C31                 -1
    F.W10C31  COST              2641   W10                  1
    F.W10C31  C31                 -1
    F.W11C31  COST              2963   W11                  1
    F.W11C31  C31                 -1
    F.W12C31  COST              8105   W12                  1
    F.W12C31  C31                 -1
    F.W13C31  COST              1599   W13                  1
    F.W13C31  C31                 -1
    F.W14C31  COST              3721   W14                  1
    F.W14C31  C31                 -1
    F.W15C31  COST              1423   W15                  1
    F.W15C31  C31                 -1
    F.W16C31  COST              4051   W16                  1
    F.W16C31  C31                 -1
    F.W17C31  COST              3709   W17                  1
    F.W17C31  C31                 -1
    F.W18C31  COST              3121   W18                  1
    F.W18C31  C31                 -1
    F.W19C31  COST              1920   W19                  1
    F.W19C31  C31                 -1
    F.W20C31  COST              3780   W20                  1
    F.W20C31  C31                 -1
    F.W21C31  COST              7070   W21                  1
    F.W21C31  C31                 -1
    F.W22C31  COST              9419   W22                  1
    F.W22C31  C31                 -1
    F.W23C31  COST             10059   W23                  1
    F.W23C31  C31                 -1
    F.W24C31  COST              3294   W24                  1
    F.W24C31  C31                 -1
    F.W25C31  COST              1923   W25                  1
    F.W25C31  C31                 -1
    F.C32...  ...                 -1   C32                  1
    F.W.1C32  COST              1451   W.1                  1
    F.W.1C32  C32                 -1
    F.W.2C32  COST              4145   W.2                  1
    F.W.2C32  C32                 -1
    F.W.3C32  COST              2448   W.3                  1
    F.W.3C32  C32                 -1
    F.W.4C32  COST              1345   W.4                  1
    F.W.4C32  C32                 -1
    F.W.5C32  COST               889   W.5                  1
    F.W.5C32  C32                 -1
    F.W.6C32  COST              1756   W.6                  1
    F.W.6C32  C32                 -1
    F.W.7C32  COST              2989   W.7                  1
    F.W.7C32  C32                 -1
    F.W.8C32  COST              4538   W.8                  1
    F.W.8C32  C32                 -1
    F.W.9C32  COST              1776   W.9                  1
    F.W.9C32  C32                 -1
    F.W10C32  COST              3521   W10                  1
    F.W10C32  C32                 -1
    F.W11C32  COST              2153   W11                  1
    F.W11C32  C32                 -1
    F.W12C32  COST              8293   W12                  1
    F.W12C32  C32                 -1
    F.W13C32  COST              1211   W13                  1
    F.W13C32  C32                 -1
    F.W14C32  COST              4134   W14                  1
    F.W14C32  C32                 -1
    F.W15C32  COST              2473   W15                  1
    F.W15C32  C32                 -1
    F.W16C32  COST              3384   W16                  1
    F.W16C32  C32                 -1
    F.W17C32  COST              3039   W17                  1
    F.W17C32  C32                 -1
    F.W18C32  COST              2006   W18                  1
    F.W18C32  C32                 -1
    F.W19C32  COST              1110   W19                  1
    F.W19C32  C32                 -1
    F.W20C32  COST              2830   W20                  1
    F.W20C32  C32                 -1
    F.W21C32  COST              6830   W21                  1
    F.W21C32  C32                 -1
    F.W22C32  COST              9379   W22                  1
    F.W22C32  C32                 -1
    F.W23C32  COST              9249   W23                  1
    F.W23C32  C32                 -1
    F.W24C32  COST              2624   W24                  1
    F.W24C32  C32                 -1
    F.W25C32  COST               745   W25                  1
    F.W25C32  C32                 -1
    F.C33...  ...                 -1   C33                  1
    F.W.1C33  COST              1964   W.1                  1
    F.W.1C33  C33                 -1
    F.W.2C33  COST              5125   W.2                  1
    F.W.2C33  C33                 -1
    F.W.3C33  COST              3785   W.3                  1
    F.W.3C33  C33                 -1
    F.W.4C33  COST              2533   W.4                  1
    F.W.4C33  C33                 -1
    F.W.5C33  COST              2226   W.5                  1
    F.W.5C33  C33                 -1
    F.W.6C33  COST              3094   W.6                  1
    F.W.6C33  C33                 -1
    F.W.7C33  COST              2454   W.7                  1
    F.W.7C33  C33                 -1
    F.W.8C33  COST              4795   W.8                  1
    F.W.8C33  C33                 -1
    F.W.9C33  COST              3114   W.9                  1
    F.W.9C33  C33                 -1
    F.W10C33  COST              2291   W10                  1
    F.W10C33  C33                 -1
    F.W11C33  COST              2830   W11                  1
    F.W11C33  C33                 -1
    F.W12C33  COST              7755   W12                  1
    F.W12C33  C33                 -1
    F.W13C33  COST              1599   W13                  1
    F.W13C33  C33                 -1
    F.W14C33  COST              4071   W14                  1
    F.W14C33  C33                 -1
    F.W15C33  COST              1073   W15                  1
    F.W15C33  C33                 -1
    F.W16C33  COST              4401   W16                  1
    F.W16C33  C33                 -1
    F.W17C33  COST              4059   W17                  1
    F.W17C33  C33                 -1
    F.W18C33  COST              3344   W18                  1
    F.W18C33  C33                 -1
    F.W19C33  COST              2048   W19                  1
    F.W19C33  C33                 -1
    F.W20C33  COST              3908   W20                  1
    F.W20C33  C33                 -1
    F.W21C33  COST              6720   W21                  1
    F.W21C33  C33                 -1
    F.W22C33  COST              9126   W22                  1
    F.W22C33  C33                 -1
    F.W23C33  COST             10156   W23                  1
    F.W23C33  C33                 -1
    F.W24C33  COST              3604   W24                  1
    F.W24C33  C33                 -1
    F.W25C33  COST              2145   W25                  1
    F.W25C33  C33                 -1
    F.C34...  ...                 -1   C34                  1
    F.W.1C34  COST              2886   W.1                  1
    F.W.1C34  C34                 -1
    F.W.2C34  COST              1775   W.2                  1
    F.W.2C34  C34                 -1
    F.W.3C34  COST              1575   W.3                  1
    F.W.3C34  C34                 -1
    F.W.4C34  COST              2500   W.4                  1
    F.W.4C34  C34                 -1
    F.W.5C34  COST              2024   W.5                  1
    F.W.5C34  C34                 -1
    F.W.6C34  COST              1781   W.6                  1
    F.W.6C34  C34                 -1
    F.W.7C34  COST              5276   W.7                  1
    F.W.7C34  C34                 -1
    F.W.8C34  COST              6278   W.8                  1
    F.W.8C34  C34                 -1
    F.W.9C34  COST              1999   W.9                  1
    F.W.9C34  C34                 -1
    F.W10C34  COST              5641   W10                  1
    F.W10C34  C34                 -1
    F.W11C34  COST              3970   W11                  1
    F.W11C34  C34                 -1
    F.W12C34  COST             10545   W12                  1
    F.W12C34  C34                 -1
    F.W13C34  COST              3496   W13                  1
    F.W13C34  C34                 -1
    F.W14C34  COST              4994   W14                  1
    F.W14C34  C34                 -1
    F.W15C34  COST              4460   W15                  1
    F.W15C34  C34                 -1
    F.W16C34  COST              1014   W16                  1
    F.W16C34  C34                 -1
    F.W17C34  COST              1126   W17                  1
    F.W17C34  C34                 -1
    F.W18C34  COST              1561   W18                  1
    F.W18C34  C34                 -1
    F.W19C34  COST              2928   W19                  1
    F.W19C34  C34                 -1
    F.W20C34  COST              3985   W20                  1
    F.W20C34  C34                 -1
    F.W21C34  COST              8155   W21                  1
    F.W21C34  C34                 -1
    F.W22C34  COST             10964   W22                  1
    F.W22C34  C34                 -1
    F.W23C34  COST             10529   W23                  1
    F.W23C34  C34                 -1
    F.W24C34  COST              1379   W24                  1
    F.W24C34  C34                 -1
    F.W25C34  COST              2028   W25                  1
    F.W25C34  C34                 -1
    F.C35...  ...                 -1   C35                  1
    F.W.1C35  COST              2999   W.1                  1
    F.W.1C35  C35                 -1
    F.W.2C35  COST              5560   W.2                  1
    F.W.2C35  C35                 -1
    F.W.3C35  COST              3708   W.3                  1
    F.W.3C35  C35                 -1
    F.W.4C35  COST              2215   W.4                  1
    F.W.4C35  C35                 -1
    F.W.5C35  COST              2336   W.5                  1
    F.W.5C35  C35                 -1
    F.W.6C35  COST              3016   W.6                  1
    F.W.6C35  C35                 -1
    F.W.7C35  COST              1779   W.7                  1
    F.W.7C35  C35                 -1
    F.W.8C35  COST              3290   W.8                  1
    F.W.8C35  C35                 -1
    F.W.9C35  COST              2956   W.9                  1
    F.W.9C35  C35                 -1
    F.W10C35  COST              2634   W10                  1
    F.W10C35  C35                 -1
    F.W11C35  COST              1505   W11                  1
    F.W11C35  C35                 -1
    F.W12C35  COST              6565   W12                  1
    F.W12C35  C35                 -1
    F.W13C35  COST              1831   W13                  1
    F.W13C35  C35                 -1
    F.W14C35  COST              5486   W14                  1
    F.W14C35  C35                 -1
    F.W15C35  COST              2928   W15                  1
    F.W15C35  C35                 -1
    F.W16C35  COST              4994   W16                  1
    F.W16C35  C35                 -1
    F.W17C35  COST              4651   W17                  1
    F.W17C35  C35                 -1
    F.W18C35  COST              3346   W18                  1
    F.W18C35  C35                 -1
    F.W19C35  COST              1655   W19                  1
    F.W19C35  C35                 -1
    F.W20C35  COST              2785   W20                  1
    F.W20C35  C35                 -1
    F.W21C35  COST              5218   W21                  1
    F.W21C35  C35                 -1
    F.W22C35  COST              7564   W22                  1
    F.W22C35  C35                 -1
    F.W23C35  COST              8639   W23                  1
    F.W23C35  C35                 -1
    F.W24C35  COST              4376   W24                  1
    F.W24C35  C35                 -1
    F.W25C35  COST              1955   W25                  1
    F.W25C35  C35                 -1
    F.C36...  ...                 -1   C36                  1
    F.W.1C36  COST              3294   W.1                  1
    F.W.1C36  C36                 -1
    F.W.2C36  COST              4968   W.2                  1
    F.W.2C36  C36                 -1
    F.W.3C36  COST              3115   W.3                  1
    F.W.3C36  C36                 -1
    F.W.4C36  COST              1450   W.4                  1
    F.W.4C36  C36                 -1
    F.W.5C36  COST              2016   W.5                  1
    F.W.5C36  C36                 -1
    F.W.6C36  COST              2424   W.6                  1
    F.W.6C36  C36                 -1
    F.W.7C36  COST              2969   W.7                  1
    F.W.7C36  C36                 -1
    F.W.8C36  COST              2788   W.8                  1
    F.W.8C36  C36                 -1
    F.W.9C36  COST              2279   W.9                  1
    F.W.9C36  C36                 -1
    F.W10C36  COST              3824   W10                  1
    F.W10C36  C36                 -1
    F.W11C36  COST              1135   W11                  1
    F.W11C36  C36                 -1
    F.W12C36  COST              7363   W12                  1
    F.W12C36  C36                 -1
    F.W13C36  COST              2311   W13                  1
    F.W13C36  C36                 -1
    F.W14C36  COST              5866   W14                  1
    F.W14C36  C36                 -1
    F.W15C36  COST              3743   W15                  1
    F.W15C36  C36                 -1
    F.W16C36  COST              4504   W16                  1
    F.W16C36  C36                 -1
    F.W17C36  COST              4159   W17                  1
    F.W17C36  C36                 -1
    F.W18C36  COST              2854   W18                  1
    F.W18C36  C36                 -1
    F.W19C36  COST              1335   W19                  1
    F.W19C36  C36                 -1
    F.W20C36  COST              1595   W20                  1
    F.W20C36  C36                 -1
    F.W21C36  COST              4665   W21                  1
    F.W21C36  C36                 -1
    F.W22C36  COST              7474   W22                  1
    F.W22C36  C36                 -1
    F.W23C36  COST              7404   W23                  1
    F.W23C36  C36                 -1
    F.W24C36  COST              3946   W24                  1
    F.W24C36  C36                 -1
    F.W25C36  COST              1635   W25                  1
    F.W25C36  C36                 -1
    F.C37...  ...                 -1   C37                  1
    F.W.1C37  COST              2659   W.1                  1
    F.W.1C37  C37                 -1
    F.W.2C37  COST              2005   W.2                  1
    F.W.2C37  C37                 -1
    F.W.3C37  COST              1623   W.3                  1
    F.W.3C37  C37                 -1
    F.W.4C37  COST              2270   W.4                  1
    F.W.4C37  C37                 -1
    F.W.5C37  COST              1796   W.5                  1
    F.W.5C37  C37                 -1
    F.W.6C37  COST              1551   W.6                  1
    F.W.6C37  C37                 -1
    F.W.7C37  COST              5046   W.7                  1
    F.W.7C37  C37                 -1
    F.W.8C37  COST              6048   W.8                  1
    F.W.8C37  C37                 -1
    F.W.9C37  COST              1989   W.9                  1
    F.W.9C37  C37                 -1
    F.W10C37  COST              5414   W10                  1
    F.W10C37  C37                 -1
    F.W11C37  COST              3740   W11                  1
    F.W11C37  C37                 -1
    F.W12C37  COST             10318   W12                  1
    F.W12C37  C37                 -1
    F.W13C37  COST              3269   W13                  1
    F.W13C37  C37                 -1
    F.W14C37  COST              4766   W14                  1
    F.W14C37  C37                 -1
    F.W15C37  COST              4233   W15                  1
    F.W15C37  C37                 -1
    F.W16C37  COST              1241   W16                  1
    F.W16C37  C37                 -1
    F.W17C37  COST               899   W17                  1
    F.W17C37  C37                 -1
    F.W18C37  COST              1334   W18                  1
    F.W18C37  C37                 -1
    F.W19C37  COST              2698   W19                  1
    F.W19C37  C37                 -1
    F.W20C37  COST              3755   W20                  1
    F.W20C37  C37                 -1
    F.W21C37  COST              7925   W21                  1
    F.W21C37  C37                 -1
    F.W22C37  COST             10734   W22                  1
    F.W22C37  C37                 -1
    F.W23C37  COST             10299   W23                  1
    F.W23C37  C37                 -1
    F.W24C37  COST              1149   W24                  1
    F.W24C37  C37                 -1
    F.W25C37  COST              1798   W25                  1
    F.W25C37  C37                 -1
    F.C38...  ...                 -1   C38                  1
    F.W.1C38  COST              2746   W.1                  1
    F.W.1C38  C38                 -1
    F.W.2C38  COST              2873   W.2                  1
    F.W.2C38  C38                 -1
    F.W.3C38  COST              1235   W.3                  1
    F.W.3C38  C38                 -1
    F.W.4C38  COST              1400   W.4                  1
    F.W.4C38  C38                 -1
    F.W.5C38  COST               926   W.5                  1
    F.W.5C38  C38                 -1
    F.W.6C38  COST               681   W.6                  1
    F.W.6C38  C38                 -1
    F.W.7C38  COST              4416   W.7                  1
    F.W.7C38  C38                 -1
    F.W.8C38  COST              5178   W.8                  1
    F.W.8C38  C38                 -1
    F.W.9C38  COST              1119   W.9                  1
    F.W.9C38  C38                 -1
    F.W10C38  COST              4949   W10                  1
    F.W10C38  C38                 -1
    F.W11C38  COST              2870   W11                  1
    F.W11C38  C38                 -1
    F.W12C38  COST              9448   W12                  1
    F.W12C38  C38                 -1
    F.W13C38  COST              2639   W13                  1
    F.W13C38  C38                 -1
    F.W14C38  COST              5171   W14                  1
    F.W14C38  C38                 -1
    F.W15C38  COST              3953   W15                  1
    F.W15C38  C38                 -1
    F.W16C38  COST              2111   W16                  1
    F.W16C38  C38                 -1
    F.W17C38  COST              1769   W17                  1
    F.W17C38  C38                 -1
    F.W18C38  COST               464   W18                  1
    F.W18C38  C38                 -1
    F.W19C38  COST              1828   W19                  1
    F.W19C38  C38                 -1
    F.W20C38  COST              2888   W20                  1
    F.W20C38  C38                 -1
    F.W21C38  COST              7055   W21                  1
    F.W21C38  C38                 -1
    F.W22C38  COST              9864   W22                  1
    F.W22C38  C38                 -1
    F.W23C38  COST              9431   W23                  1
    F.W23C38  C38                 -1
    F.W24C38  COST              1556   W24                  1
    F.W24C38  C38                 -1
    F.W25C38  COST               928   W25                  1
    F.W25C38  C38                 -1
    F.C39...  ...                 -1   C39                  1
    F.W.1C39  COST              7726   W.1                  1
    F.W.1C39  C39                 -1
    F.W.2C39  COST              9245   W.2                  1
    F.W.2C39  C39                 -1
    F.W.3C39  COST              7393   W.3                  1
    F.W.3C39  C39                 -1
    F.W.4C39  COST              5728   W.4                  1
    F.W.4C39  C39                 -1
    F.W.5C39  COST              6311   W.5                  1
    F.W.5C39  C39                 -1
    F.W.6C39  COST              6701   W.6                  1
    F.W.6C39  C39                 -1
    F.W.7C39  COST              6756   W.7                  1
    F.W.7C39  C39                 -1
    F.W.8C39  COST              4873   W.8                  1
    F.W.8C39  C39                 -1
    F.W.9C39  COST              6641   W.9                  1
    F.W.9C39  C39                 -1
    F.W10C39  COST              7611   W10                  1
    F.W10C39  C39                 -1
    F.W11C39  COST              5568   W11                  1
    F.W11C39  C39                 -1
    F.W12C39  COST              5810   W12                  1
    F.W12C39  C39                 -1
    F.W13C39  COST              6854   W13                  1
    F.W13C39  C39                 -1
    F.W14C39  COST             10411   W14                  1
    F.W14C39  C39                 -1
    F.W15C39  COST              7903   W15                  1
    F.W15C39  C39                 -1
    F.W16C39  COST              8781   W16                  1
    F.W16C39  C39                 -1
    F.W17C39  COST              8436   W17                  1
    F.W17C39  C39                 -1
    F.W18C39  COST              7134   W18                  1
    F.W18C39  C39                 -1
    F.W19C39  COST              5768   W19                  1
    F.W19C39  C39                 -1
    F.W20C39  COST              5233   W20                  1
    F.W20C39  C39                 -1
    F.W21C39  COST              4310   W21                  1
    F.W21C39  C39                 -1
    F.W22C39  COST              4831   W22                  1
    F.W22C39  C39                 -1
    F.W23C39  COST              3361   W23                  1
    F.W23C39  C39                 -1
    F.W24C39  COST              8379   W24                  1
    F.W24C39  C39                 -1
    F.W25C39  COST              6068   W25                  1
    F.W25C39  C39                 -1
    F.C40...  ...                 -1   C40                  1
    F.W.1C40  COST              2179   W.1                  1
    F.W.1C40  C40                 -1
    F.W.2C40  COST              2628   W.2                  1
    F.W.2C40  C40                 -1
    F.W.3C40  COST              1960   W.3                  1
    F.W.3C40  C40                 -1
    F.W.4C40  COST              2385   W.4                  1
    F.W.4C40  C40                 -1
    F.W.5C40  COST              1589   W.5                  1
    F.W.5C40  C40                 -1
    F.W.6C40  COST              1714   W.6                  1
    F.W.6C40  C40                 -1
    F.W.7C40  COST              4651   W.7                  1
    F.W.7C40  C40                 -1
    F.W.8C40  COST              6025   W.8                  1
    F.W.8C40  C40                 -1
    F.W.9C40  COST              2149   W.9                  1
    F.W.9C40  C40                 -1
    F.W10C40  COST              4971   W10                  1
    F.W10C40  C40                 -1
    F.W11C40  COST              3640   W11                  1
    F.W11C40  C40                 -1
    F.W12C40  COST              9953   W12                  1
    F.W12C40  C40                 -1
    F.W13C40  COST              2871   W13                  1
    F.W13C40  C40                 -1
    F.W14C40  COST              4141   W14                  1
    F.W14C40  C40                 -1
    F.W15C40  COST              3753   W15                  1
    F.W15C40  C40                 -1
    F.W16C40  COST              1866   W16                  1
    F.W16C40  C40                 -1
    F.W17C40  COST              1524   W17                  1
    F.W17C40  C40                 -1
    F.W18C40  COST              1496   W18                  1
    F.W18C40  C40                 -1
    F.W19C40  COST              2598   W19                  1
    F.W19C40  C40                 -1
    F.W20C40  COST              3870   W20                  1
    F.W20C40  C40                 -1
    F.W21C40  COST              7998   W21                  1
    F.W21C40  C40                 -1
    F.W22C40  COST             10806   W22                  1
    F.W22C40  C40                 -1
    F.W23C40  COST             10414   W23                  1
    F.W23C40  C40                 -1
    F.W24C40  COST              1109   W24                  1
    F.W24C40  C40                 -1
    F.W25C40  COST              1725   W25                  1
    F.W25C40  C40                 -1
    F.C41...  ...                 -1   C41                  1
    F.W.1C41  COST              2261   W.1                  1
    F.W.1C41  C41                 -1
    F.W.2C41  COST              4208   W.2                  1
    F.W.2C41  C41                 -1
    F.W.3C41  COST              2355   W.3                  1
    F.W.3C41  C41                 -1
    F.W.4C41  COST               940   W.4                  1
    F.W.4C41  C41                 -1
    F.W.5C41  COST               981   W.5                  1
    F.W.5C41  C41                 -1
    F.W.6C41  COST              1661   W.6                  1
    F.W.6C41  C41                 -1
    F.W.7C41  COST              2966   W.7                  1
    F.W.7C41  C41                 -1
    F.W.8C41  COST              3728   W.8                  1
    F.W.8C41  C41                 -1
    F.W.9C41  COST              1601   W.9                  1
    F.W.9C41  C41                 -1
    F.W10C41  COST              3686   W10                  1
    F.W10C41  C41                 -1
    F.W11C41  COST              1343   W11                  1
    F.W11C41  C41                 -1
    F.W12C41  COST              7920   W12                  1
    F.W12C41  C41                 -1
    F.W13C41  COST              1376   W13                  1
    F.W13C41  C41                 -1
    F.W14C41  COST              4834   W14                  1
    F.W14C41  C41                 -1
    F.W15C41  COST              2820   W15                  1
    F.W15C41  C41                 -1
    F.W16C41  COST              3641   W16                  1
    F.W16C41  C41                 -1
    F.W17C41  COST              3296   W17                  1
    F.W17C41  C41                 -1
    F.W18C41  COST              1991   W18                  1
    F.W18C41  C41                 -1
    F.W19C41  COST               300   W19                  1
    F.W19C41  C41                 -1
    F.W20C41  COST              2160   W20                  1
    F.W20C41  C41                 -1
    F.W21C41  COST              5700   W21                  1
    F.W21C41  C41                 -1
    F.W22C41  COST              8509   W22                  1
    F.W22C41  C41                 -1
    F.W23C41  COST              8439   W23                  1
    F.W23C41  C41                 -1
    F.W24C41  COST              3021   W24                  1
    F.W24C41  C41                 -1
    F.W25C41  COST               600   W25                  1
    F.W25C41  C41                 -1
    F.C42...  ...                 -1   C42                  1
    F.W.1C42  COST              3556   W.1                  1
    F.W.1C42  C42                 -1
    F.W.2C42  COST              4738   W.2                  1
    F.W.2C42  C42                 -1
    F.W.3C42  COST              2885   W.3                  1
    F.W.3C42  C42                 -1
    F.W.4C42  COST              1220   W.4                  1
    F.W.4C42  C42                 -1
    F.W.5C42  COST              1829   W.5                  1
    F.W.5C42  C42                 -1
    F.W.6C42  COST              2194   W.6                  1
    F.W.6C42  C42                 -1
    F.W.7C42  COST              3681   W.7                  1
    F.W.7C42  C42                 -1
    F.W.8C42  COST              3658   W.8                  1
    F.W.8C42  C42                 -1
    F.W.9C42  COST              2049   W.9                  1
    F.W.9C42  C42                 -1
    F.W10C42  COST              4536   W10                  1
    F.W10C42  C42                 -1
    F.W11C42  COST              1848   W11                  1
    F.W11C42  C42                 -1
    F.W12C42  COST              8233   W12                  1
    F.W12C42  C42                 -1
    F.W13C42  COST              2811   W13                  1
    F.W13C42  C42                 -1
    F.W14C42  COST              6239   W14                  1
    F.W14C42  C42                 -1
    F.W15C42  COST              4255   W15                  1
    F.W15C42  C42                 -1
    F.W16C42  COST              4274   W16                  1
    F.W16C42  C42                 -1
    F.W17C42  COST              3929   W17                  1
    F.W17C42  C42                 -1
    F.W18C42  COST              2626   W18                  1
    F.W18C42  C42                 -1
    F.W19C42  COST              1735   W19                  1
    F.W19C42  C42                 -1
    F.W20C42  COST               725   W20                  1
    F.W20C42  C42                 -1
    F.W21C42  COST              5535   W21                  1
    F.W21C42  C42                 -1
    F.W22C42  COST              8344   W22                  1
    F.W22C42  C42                 -1
    F.W23C42  COST              7269   W23                  1
    F.W23C42  C42                 -1
    F.W24C42  COST              3719   W24                  1
    F.W24C42  C42                 -1
    F.W25C42  COST              1450   W25                  1
    F.W25C42  C42                 -1
    F.C43...  ...                 -1   C43                  1
    F.W.1C43  COST              5859   W.1                  1
    F.W.1C43  C43                 -1
    F.W.2C43  COST              7533   W.2                  1
    F.W.2C43  C43                 -1
    F.W.3C43  COST              5680   W.3                  1
    F.W.3C43  C43                 -1
    F.W.4C43  COST              4015   W.4                  1
    F.W.4C43  C43                 -1
    F.W.5C43  COST              4581   W.5                  1
    F.W.5C43  C43                 -1
    F.W.6C43  COST              4989   W.6                  1
    F.W.6C43  C43                 -1
    F.W.7C43  COST              4546   W.7                  1
    F.W.7C43  C43                 -1
    F.W.8C43  COST              2868   W.8                  1
    F.W.8C43  C43                 -1
    F.W.9C43  COST              4844   W.9                  1
    F.W.9C43  C43                 -1
    F.W10C43  COST              5401   W10                  1
    F.W10C43  C43                 -1
    F.W11C43  COST              3663   W11                  1
    F.W11C43  C43                 -1
    F.W12C43  COST              4798   W12                  1
    F.W12C43  C43                 -1
    F.W13C43  COST              4746   W13                  1
    F.W13C43  C43                 -1
    F.W14C43  COST              8401   W14                  1
    F.W14C43  C43                 -1
    F.W15C43  COST              5693   W15                  1
    F.W15C43  C43                 -1
    F.W16C43  COST              7069   W16                  1
    F.W16C43  C43                 -1
    F.W17C43  COST              6724   W17                  1
    F.W17C43  C43                 -1
    F.W18C43  COST              5419   W18                  1
    F.W18C43  C43                 -1
    F.W19C43  COST              3900   W19                  1
    F.W19C43  C43                 -1
    F.W20C43  COST              4160   W20                  1
    F.W20C43  C43                 -1
    F.W21C43  COST              2100   W21                  1
    F.W21C43  C43                 -1
    F.W22C43  COST              5089   W22                  1
    F.W22C43  C43                 -1
    F.W23C43  COST              5571   W23                  1
    F.W23C43  C43                 -1
    F.W24C43  COST              6511   W24                  1
    F.W24C43  C43                 -1
    F.W25C43  COST              4200   W25                  1
    F.W25C43  C43                 -1
    F.C44...  ...                 -1   C44                  1
    F.W.1C44  COST              3396   W.1                  1
    F.W.1C44  C44                 -1
    F.W.2C44  COST              6515   W.2                  1
    F.W.2C44  C44                 -1
    F.W.3C44  COST              4663   W.3                  1
    F.W.3C44  C44                 -1
    F.W.4C44  COST              3250   W.4                  1
    F.W.4C44  C44                 -1
    F.W.5C44  COST              3254   W.5                  1
    F.W.5C44  C44                 -1
    F.W.6C44  COST              3971   W.6                  1
    F.W.6C44  C44                 -1
    F.W.7C44  COST              1866   W.7                  1
    F.W.7C44  C44                 -1
    F.W.8C44  COST              4150   W.8                  1
    F.W.8C44  C44                 -1
    F.W.9C44  COST              3911   W.9                  1
    F.W.9C44  C44                 -1
    F.W10C44  COST              1909   W10                  1
    F.W10C44  C44                 -1
    F.W11C44  COST              2618   W11                  1
    F.W11C44  C44                 -1
    F.W12C44  COST              6418   W12                  1
    F.W12C44  C44                 -1
    F.W13C44  COST              2496   W13                  1
    F.W13C44  C44                 -1
    F.W14C44  COST              5504   W14                  1
    F.W14C44  C44                 -1
    F.W15C44  COST              2505   W15                  1
    F.W15C44  C44                 -1
    F.W16C44  COST              5779   W16                  1
    F.W16C44  C44                 -1
    F.W17C44  COST              5436   W17                  1
    F.W17C44  C44                 -1
    F.W18C44  COST              4301   W18                  1
    F.W18C44  C44                 -1
    F.W19C44  COST              2610   W19                  1
    F.W19C44  C44                 -1
    F.W20C44  COST              3895   W20                  1
    F.W20C44  C44                 -1
    F.W21C44  COST              6135   W21                  1
    F.W21C44  C44                 -1
    F.W22C44  COST              7789   W22                  1
    F.W22C44  C44                 -1
    F.W23C44  COST              9571   W23                  1
    F.W23C44  C44                 -1
    F.W24C44  COST              5019   W24                  1
    F.W24C44  C44                 -1
    F.W25C44  COST              2910   W25                  1
    F.W25C44  C44                 -1
    F.C45...  ...                 -1   C45                  1
    F.W.1C45  COST              7526   W.1                  1
    F.W.1C45  C45                 -1
    F.W.2C45  COST              9405   W.2                  1
    F.W.2C45  C45                 -1
    F.W.3C45  COST              7553   W.3                  1
    F.W.3C45  C45                 -1
    F.W.4C45  COST              5888   W.4                  1
    F.W.4C45  C45                 -1
    F.W.5C45  COST              6454   W.5                  1
    F.W.5C45  C45                 -1
    F.W.6C45  COST              6861   W.6                  1
    F.W.6C45  C45                 -1
    F.W.7C45  COST              6014   W.7                  1
    F.W.7C45  C45                 -1
    F.W.8C45  COST              4878   W.8                  1
    F.W.8C45  C45                 -1
    F.W.9C45  COST              6716   W.9                  1
    F.W.9C45  C45                 -1
    F.W10C45  COST              6661   W10                  1
    F.W10C45  C45                 -1
    F.W11C45  COST              5573   W11                  1
    F.W11C45  C45                 -1
    F.W12C45  COST              4015   W12                  1
    F.W12C45  C45                 -1
    F.W13C45  COST              6359   W13                  1
    F.W13C45  C45                 -1
    F.W14C45  COST             10014   W14                  1
    F.W14C45  C45                 -1
    F.W15C45  COST              7163   W15                  1
    F.W15C45  C45                 -1
    F.W16C45  COST              8941   W16                  1
    F.W16C45  C45                 -1
    F.W17C45  COST              8596   W17                  1
    F.W17C45  C45                 -1
    F.W18C45  COST              7291   W18                  1
    F.W18C45  C45                 -1
    F.W19C45  COST              5773   W19                  1
    F.W19C45  C45                 -1
    F.W20C45  COST              6033   W20                  1
    F.W20C45  C45                 -1
    F.W21C45  COST              4153   W21                  1
    F.W21C45  C45                 -1
    F.W22C45  COST              3036   W22                  1
    F.W22C45  C45                 -1
    F.W23C45  COST              5156   W23                  1
    F.W23C45  C45                 -1
    F.W24C45  COST              8386   W24                  1
    F.W24C45  C45                 -1
    F.W25C45  COST              6073   W25                  1
    F.W25C45  C45                 -1
    F.C46...  ...                 -1   C46                  1
    F.W.1C46  COST              7791   W.1                  1
    F.W.1C46  C46                 -1
    F.W.2C46  COST              9100   W.2                  1
    F.W.2C46  C46                 -1
    F.W.3C46  COST              7248   W.3                  1
    F.W.3C46  C46                 -1
    F.W.4C46  COST              5583   W.4                  1
    F.W.4C46  C46                 -1
    F.W.5C46  COST              6191   W.5                  1
    F.W.5C46  C46                 -1
    F.W.6C46  COST              6556   W.6                  1
    F.W.6C46  C46                 -1
    F.W.7C46  COST              7174   W.7                  1
    F.W.7C46  C46                 -1
    F.W.8C46  COST              5328   W.8                  1
    F.W.8C46  C46                 -1
    F.W.9C46  COST              6411   W.9                  1
    F.W.9C46  C46                 -1
    F.W10C46  COST              8024   W10                  1
    F.W10C46  C46                 -1
    F.W11C46  COST              5533   W11                  1
    F.W11C46  C46                 -1
    F.W12C46  COST              6265   W12                  1
    F.W12C46  C46                 -1
    F.W13C46  COST              6709   W13                  1
    F.W13C46  C46                 -1
    F.W14C46  COST             10364   W14                  1
    F.W14C46  C46                 -1
    F.W15C46  COST              8323   W15                  1
    F.W15C46  C46                 -1
    F.W16C46  COST              8636   W16                  1
    F.W16C46  C46                 -1
    F.W17C46  COST              8291   W17                  1
    F.W17C46  C46                 -1
    F.W18C46  COST              6989   W18                  1
    F.W18C46  C46                 -1
    F.W19C46  COST              5833   W19                  1
    F.W19C46  C46                 -1
    F.W20C46  COST              5088   W20                  1
    F.W20C46  C46                 -1
    F.W21C46  COST              4765   W21                  1
    F.W21C46  C46                 -1
    F.W22C46  COST              5286   W22                  1
    F.W22C46  C46                 -1
    F.W23C46  COST              2906   W23                  1
    F.W23C46  C46                 -1
    F.W24C46  COST              8081   W24                  1
    F.W24C46  C46                 -1
    F.W25C46  COST              5813   W25                  1
    F.W25C46  C46                 -1
    F.C47...  ...                 -1   C47                  1
    F.W.1C47  COST              7016   W.1                  1
    F.W.1C47  C47                 -1
    F.W.2C47  COST              8325   W.2                  1
    F.W.2C47  C47                 -1
    F.W.3C47  COST              6473   W.3                  1
    F.W.3C47  C47                 -1
    F.W.4C47  COST              4808   W.4                  1
    F.W.4C47  C47                 -1
    F.W.5C47  COST              5416   W.5                  1
    F.W.5C47  C47                 -1
    F.W.6C47  COST              5781   W.6                  1
    F.W.6C47  C47                 -1
    F.W.7C47  COST              6399   W.7                  1
    F.W.7C47  C47                 -1
    F.W.8C47  COST              4565   W.8                  1
    F.W.8C47  C47                 -1
    F.W.9C47  COST              5636   W.9                  1
    F.W.9C47  C47                 -1
    F.W10C47  COST              7254   W10                  1
    F.W10C47  C47                 -1
    F.W11C47  COST              4758   W11                  1
    F.W11C47  C47                 -1
    F.W12C47  COST              6730   W12                  1
    F.W12C47  C47                 -1
    F.W13C47  COST              5934   W13                  1
    F.W13C47  C47                 -1
    F.W14C47  COST              9589   W14                  1
    F.W14C47  C47                 -1
    F.W15C47  COST              7548   W15                  1
    F.W15C47  C47                 -1
    F.W16C47  COST              7861   W16                  1
    F.W16C47  C47                 -1
    F.W17C47  COST              7516   W17                  1
    F.W17C47  C47                 -1
    F.W18C47  COST              6214   W18                  1
    F.W18C47  C47                 -1
    F.W19C47  COST              5058   W19                  1
    F.W19C47  C47                 -1
    F.W20C47  COST              4313   W20                  1
    F.W20C47  C47                 -1
    F.W21C47  COST              4075   W21                  1
    F.W21C47  C47                 -1
    F.W22C47  COST              5751   W22                  1
    F.W22C47  C47                 -1
    F.W23C47  COST              3681   W23                  1
    F.W23C47  C47                 -1
    F.W24C47  COST              7306   W24                  1
    F.W24C47  C47                 -1
    F.W25C47  COST              5038   W25                  1
    F.W25C47  C47                 -1
    F.C48...  ...                 -1   C48                  1
    F.W.1C48  COST              5189   W.1                  1
    F.W.1C48  C48                 -1
    F.W.2C48  COST              8018   W.2                  1
    F.W.2C48  C48                 -1
    F.W.3C48  COST              6165   W.3                  1
    F.W.3C48  C48                 -1
    F.W.4C48  COST              4500   W.4                  1
    F.W.4C48  C48                 -1
    F.W.5C48  COST              4819   W.5                  1
    F.W.5C48  C48                 -1
    F.W.6C48  COST              5474   W.6                  1
    F.W.6C48  C48                 -1
    F.W.7C48  COST              3584   W.7                  1
    F.W.7C48  C48                 -1
    F.W.8C48  COST              4048   W.8                  1
    F.W.8C48  C48                 -1
    F.W.9C48  COST              5329   W.9                  1
    F.W.9C48  C48                 -1
    F.W10C48  COST              4231   W10                  1
    F.W10C48  C48                 -1
    F.W11C48  COST              3790   W11                  1
    F.W11C48  C48                 -1
    F.W12C48  COST              4095   W12                  1
    F.W12C48  C48                 -1
    F.W13C48  COST              4214   W13                  1
    F.W13C48  C48                 -1
    F.W14C48  COST              7731   W14                  1
    F.W14C48  C48                 -1
    F.W15C48  COST              4733   W15                  1
    F.W15C48  C48                 -1
    F.W16C48  COST              7479   W16                  1
    F.W16C48  C48                 -1
    F.W17C48  COST              7134   W17                  1
    F.W17C48  C48                 -1
    F.W18C48  COST              5829   W18                  1
    F.W18C48  C48                 -1
    F.W19C48  COST              4230   W19                  1
    F.W19C48  C48                 -1
    F.W20C48  COST              5068   W20                  1
    F.W20C48  C48                 -1
    F.W21C48  COST              5313   W21                  1
    F.W21C48  C48                 -1
    F.W22C48  COST              5466   W22                  1
    F.W22C48  C48                 -1
    F.W23C48  COST              7586   W23                  1
    F.W23C48  C48                 -1
    F.W24C48  COST              6736   W24                  1
    F.W24C48  C48                 -1
    F.W25C48  COST              4438   W25                  1
    F.W25C48  C48                 -1
    F.C49...  ...                 -1   C49                  1
    F.W.1C49  COST              2326   W.1                  1
    F.W.1C49  C49                 -1
    F.W.2C49  COST              2338   W.2                  1
    F.W.2C49  C49                 -1
    F.W.3C49  COST              1670   W.3                  1
    F.W.3C49  C49                 -1
    F.W.4C49  COST              2140   W.4                  1
    F.W.4C49  C49                 -1
    F.W.5C49  COST              1496   W.5                  1
    F.W.5C49  C49                 -1
    F.W.6C49  COST              1421   W.6                  1
    F.W.6C49  C49                 -1
    F.W.7C49  COST              4714   W.7                  1
    F.W.7C49  C49                 -1
    F.W.8C49  COST              5918   W.8                  1
    F.W.8C49  C49                 -1
    F.W.9C49  COST              1859   W.9                  1
    F.W.9C49  C49                 -1
    F.W10C49  COST              5079   W10                  1
    F.W10C49  C49                 -1
    F.W11C49  COST              3548   W11                  1
    F.W11C49  C49                 -1
    F.W12C49  COST             10105   W12                  1
    F.W12C49  C49                 -1
    F.W13C49  COST              2936   W13                  1
    F.W13C49  C49                 -1
    F.W14C49  COST              4431   W14                  1
    F.W14C49  C49                 -1
    F.W15C49  COST              3860   W15                  1
    F.W15C49  C49                 -1
    F.W16C49  COST              1576   W16                  1
    F.W16C49  C49                 -1
    F.W17C49  COST              1231   W17                  1
    F.W17C49  C49                 -1
    F.W18C49  COST              1204   W18                  1
    F.W18C49  C49                 -1
    F.W19C49  COST              2505   W19                  1
    F.W19C49  C49                 -1
    F.W20C49  COST              3628   W20                  1
    F.W20C49  C49                 -1
    F.W21C49  COST              7795   W21                  1
    F.W21C49  C49                 -1
    F.W22C49  COST             10606   W22                  1
    F.W22C49  C49                 -1
    F.W23C49  COST             10171   W23                  1
    F.W23C49  C49                 -1
    F.W24C49  COST               816   W24                  1
    F.W24C49  C49                 -1
    F.W25C49  COST              1633   W25                  1
    F.W25C49  C49                 -1
    F.C50...  ...                 -1   C50                  1
    F.W.1C50  COST              3196   W.1                  1
    F.W.1C50  C50                 -1
    F.W.2C50  COST              5405   W.2                  1
    F.W.2C50  C50                 -1
    F.W.3C50  COST              3553   W.3                  1
    F.W.3C50  C50                 -1
    F.W.4C50  COST              1888   W.4                  1
    F.W.4C50  C50                 -1
    F.W.5C50  COST              2184   W.5                  1
    F.W.5C50  C50                 -1
    F.W.6C50  COST              2861   W.6                  1
    F.W.6C50  C50                 -1
    F.W.7C50  COST              2209   W.7                  1
    F.W.7C50  C50                 -1
    F.W.8C50  COST              2893   W.8                  1
    F.W.8C50  C50                 -1
    F.W.9C50  COST              2716   W.9                  1
    F.W.9C50  C50                 -1
    F.W10C50  COST              3064   W10                  1
    F.W10C50  C50                 -1
    F.W11C50  COST              1178   W11                  1
    F.W11C50  C50                 -1
    F.W12C50  COST              6748   W12                  1
    F.W12C50  C50                 -1
    F.W13C50  COST              2029   W13                  1
    F.W13C50  C50                 -1
    F.W14C50  COST              5684   W14                  1
    F.W14C50  C50                 -1
    F.W15C50  COST              3355   W15                  1
    F.W15C50  C50                 -1
    F.W16C50  COST              4844   W16                  1
    F.W16C50  C50                 -1
    F.W17C50  COST              4499   W17                  1
    F.W17C50  C50                 -1
    F.W18C50  COST              3194   W18                  1
    F.W18C50  C50                 -1
    F.W19C50  COST              1503   W19                  1
    F.W19C50  C50                 -1
    F.W20C50  COST              2455   W20                  1
    F.W20C50  C50                 -1
    F.W21C50  COST              4818   W21                  1
    F.W21C50  C50                 -1
    F.W22C50  COST              7746   W22                  1
    F.W22C50  C50                 -1
    F.W23C50  COST              8254   W23                  1
    F.W23C50  C50                 -1
    F.W24C50  COST              4224   W24                  1
    F.W24C50  C50                 -1
    F.W25C50  COST              1803   W25                  1
    F.W25C50  C50                 -1
RHS
BOUNDS
 UP BOUNDS    I.SUPW.1             1
 UP BOUNDS    I.SUPW.2             1
 UP BOUNDS    I.SUPW.3             1
 UP BOUNDS    I.SUPW.4             1
 UP BOUNDS    I.SUPW.5             1
 UP BOUNDS    I.SUPW.6             1
 UP BOUNDS    I.SUPW.7             1
 UP BOUNDS    I.SUPW.8             1
 UP BOUNDS    I.SUPW.9             1
 UP BOUNDS    I.SUPW10             1
 UP BOUNDS    I.SUPW11             1
 UP BOUNDS    I.SUPW12             1
 UP BOUNDS    I.SUPW13             1
 UP BOUNDS    I.SUPW14             1
 UP BOUNDS    I.SUPW15             1
 UP BOUNDS    I.SUPW16             1
 UP BOUNDS    I.SUPW17             1
 UP BOUNDS    I.SUPW18             1
 UP BOUNDS    I.SUPW19             1
 UP BOUNDS    I.SUPW20             1
 UP BOUNDS    I.SUPW21             1
 UP BOUNDS    I.SUPW22             1
 UP BOUNDS    I.SUPW23             1
 UP BOUNDS    I.SUPW24             1
 UP BOUNDS    F.SUPW25          5000
 FX BOUNDS    F.C.1...           146
 FX BOUNDS    F.C.2...            87
 FX BOUNDS    F.C.3...           672
 FX BOUNDS    F.C.4...          1337
 FX BOUNDS    F.C.5...            31
 FX BOUNDS    F.C.6...           559
 FX BOUNDS    F.C.7...          2370
 FX BOUNDS    F.C.8...          1089
 FX BOUNDS    F.C.9...            33
 FX BOUNDS    F.C10...            32
 FX BOUNDS    F.C11...          5495
 FX BOUNDS    F.C12...           904
 FX BOUNDS    F.C13...          1466
 FX BOUNDS    F.C14...           143
 FX BOUNDS    F.C15...           615
 FX BOUNDS    F.C16...           564
 FX BOUNDS    F.C17...           226
 FX BOUNDS    F.C18...          3016
 FX BOUNDS    F.C19...           253
 FX BOUNDS    F.C20...           195
 FX BOUNDS    F.C21...            38
 FX BOUNDS    F.C22...           807
 FX BOUNDS    F.C23...           551
 FX BOUNDS    F.C24...           304
 FX BOUNDS    F.C25...           814
 FX BOUNDS    F.C26...           337
 FX BOUNDS    F.C27...          4368
 FX BOUNDS    F.C28...           577
 FX BOUNDS    F.C29...           482
 FX BOUNDS    F.C30...           495
 FX BOUNDS    F.C31...           231
 FX BOUNDS    F.C32...           322
 FX BOUNDS    F.C33...           685
 FX BOUNDS    F.C34...         12912
 FX BOUNDS    F.C35...           325
 FX BOUNDS    F.C36...           366
 FX BOUNDS    F.C37...          3671
 FX BOUNDS    F.C38...          2213
 FX BOUNDS    F.C39...           705
 FX BOUNDS    F.C40...           328
 FX BOUNDS    F.C41...          1681
 FX BOUNDS    F.C42...          1117
 FX BOUNDS    F.C43...           275
 FX BOUNDS    F.C44...           500
 FX BOUNDS    F.C45...          2241
 FX BOUNDS    F.C46...           733
 FX BOUNDS    F.C47...           222
 FX BOUNDS    F.C48...            49
 FX BOUNDS    F.C49...          1464
 FX BOUNDS    F.C50...           222
ENDATA
